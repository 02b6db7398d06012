#!/usr/bin/env python3
"""Writes the email fixtures: one agent reply, sent every way mail clients
send it. Every message must give the same checklist as reply.txt checked with
--customer-name Mary --customer-message customer.txt (tests/email_cli_test.cc).
Run from anywhere; rewrites the *.eml files beside this script."""
import base64, os, quopri, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))

REPLY = ("Hi Mary,\n\n"
         "I\u2019m sorry for any inconvenience this may have caused. The courier lost your "
         "parcel, but we have sent a new one today and it will arrive on Friday.\n\n"
         "Thanks,\nAlex\n")
CUSTOMER = ("My parcel never arrived and nobody answers the phone. "
            "I want a refund.\n")
ATTRIBUTION = "On Mon, 3 Jun 2024 at 09:12, Mary Smith <mary@example.com> wrote:\n"

def quoted(text):
    return "".join("> " + l + "\n" for l in text.splitlines())

def body(signature="Alex Turner\nAcme Support\n", reply=REPLY):
    return reply + "\n-- \n" + signature + "\n" + ATTRIBUTION + quoted(CUSTOMER)

def headers(to='Mary Smith <mary@example.com>', subject="Re: Where is my parcel?", extra=""):
    return ("From: Alex Turner <alex@support.example.com>\n"
            f"To: {to}\n"
            f"Subject: {subject}\n"
            "Date: Mon, 3 Jun 2024 10:00:00 +0000\n"
            "Message-ID: <reply-1@support.example.com>\n"
            "In-Reply-To: <ticket-1@example.com>\n"
            "MIME-Version: 1.0\n" + extra)

def qp(data: bytes) -> str:
    return quopri.encodestring(data).decode("ascii")

def b64(data: bytes) -> str:
    return "\n".join(textwrap.wrap(base64.b64encode(data).decode("ascii"), 76)) + "\n"

def flowed(text):
    """RFC 3676: wrap long lines at 66 with trailing-space soft breaks."""
    out = []
    for line in text.split("\n"):
        if line == "-- ":
            out.append(line)
            continue
        if line.startswith(">") or line.startswith(" ") or line.startswith("From "):
            line = " " + line if not line.startswith(">") else line
        while len(line) > 66:
            cut = line.rfind(" ", 0, 66)
            if cut <= 0:
                break
            out.append(line[:cut + 1])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)

HTML = ("<html><head><style>p {margin:0}</style></head><body>"
        "<div dir=\"ltr\"><p>Hi Mary,</p>"
        "<p>I&rsquo;m sorry for any inconvenience this may have caused. The courier lost "
        "your parcel, but we have sent a new one today and it will arrive on Friday.</p>"
        "<p>Thanks,<br>Alex</p>"
        "<div class=\"gmail_signature\">-- <br>Alex Turner<br>Acme Support</div></div>"
        "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, 3 Jun 2024 at 09:12, "
        "Mary Smith &lt;<a href=\"mailto:mary@example.com\">mary@example.com</a>&gt; wrote:<br></div>"
        "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex\">My parcel never arrived "
        "and nobody answers the phone. I want a refund.</blockquote></div></body></html>\n")

def write(name, text):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode("ascii"))

def main():
    utf8 = body().encode("utf-8")
    write("plain.eml", headers(extra="Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: 8bit\n").encode() + b"\n" + utf8)
    write("qp.eml", headers(extra="Content-Type: text/plain; charset=UTF-8\n"
                            "Content-Transfer-Encoding: quoted-printable\n") + "\n" + qp(utf8))
    write("base64.eml", headers(extra="Content-Type: text/plain; charset=\"utf-8\"\n"
                                "Content-Transfer-Encoding: base64\n") + "\n" + b64(utf8))
    write("html-only.eml", headers(extra="Content-Type: text/html; charset=utf-8\n"
                                   "Content-Transfer-Encoding: quoted-printable\n") + "\n"
          + qp(HTML.encode()))
    write("flowed.eml", headers(extra="Content-Type: text/plain; charset=utf-8; format=flowed\n"
                                "Content-Transfer-Encoding: 8bit\n").encode() + b"\n"
          + flowed(body()).encode("utf-8"))
    # CRLF line ends, as on the wire.
    write("crlf.eml", (headers(extra="Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: 8bit\n") + "\n").replace("\n", "\r\n")
          .encode() + utf8.replace(b"\n", b"\r\n"))
    # Windows-1252: the curly apostrophe is byte 0x92; RFC 2047 encoded To: and Subject:.
    cp = body(signature="Alex Turner\nAcme Support \u2013 Caf\u00e9 team\n").encode("cp1252")
    write("windows-1252.eml", headers(to="=?windows-1252?Q?Mary_M=FCller?= <mary@example.com>",
                                      subject="=?windows-1252?Q?Re:_Where_is_my_parcel=3F?=",
                                      extra="Content-Type: text/plain; charset=windows-1252\n"
                                      "Content-Transfer-Encoding: quoted-printable\n")
          + "\n" + qp(cp))
    # ISO-8859-1 has no curly apostrophe: the agent typed a straight one.
    latin = body(signature="Alex Turner\nCaf\u00e9 Cr\u00e8me Support\n",
                 reply=REPLY.replace("\u2019", "'")).encode("latin-1")
    write("latin1.eml", headers(to="\"M\u00fcller, Mary\" <mary@example.com>".encode("latin-1")
                                .decode("ascii", "replace").replace("\ufffd", "u")
                                if False else "=?iso-8859-1?Q?M=FCller=2C_Mary?= <mary@example.com>",
                                extra="Content-Type: text/plain; charset=iso-8859-1\n"
                                "Content-Transfer-Encoding: 8bit\n").encode() + b"\n" + latin)
    big5 = body(signature="Alex Turner\n\u5ba2\u670d\u90e8\n").encode("big5")
    write("big5.eml", headers(extra="Content-Type: text/plain; charset=big5\n"
                              "Content-Transfer-Encoding: base64\n") + "\n" + b64(big5))
    sjis = body(signature="Alex Turner\n\u30b5\u30dd\u30fc\u30c8\u30c1\u30fc\u30e0\n").encode("shift_jis")
    write("shift_jis.eml", headers(extra="Content-Type: text/plain; charset=Shift_JIS\n"
                                   "Content-Transfer-Encoding: quoted-printable\n") + "\n" + qp(sjis))
    # multipart/mixed( multipart/alternative(plain, html), attachment )
    mixed = (headers(extra="Content-Type: multipart/mixed; boundary=\"outer\"\n") + "\n"
             "This is a multi-part message in MIME format.\n"
             "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
             "--inner\nContent-Type: text/plain; charset=utf-8\n"
             "Content-Transfer-Encoding: quoted-printable\n\n" + qp(utf8) +
             "\n--inner\nContent-Type: text/html; charset=utf-8\n"
             "Content-Transfer-Encoding: quoted-printable\n\n" + qp(HTML.encode()) +
             "\n--inner--\n"
             "--outer\nContent-Type: application/pdf; name=\"label.pdf\"\n"
             "Content-Disposition: attachment; filename=\"label.pdf\"\n"
             "Content-Transfer-Encoding: base64\n\n" + b64(b"%PDF-1.4 not really\n" * 20) +
             "--outer--\n")
    write("alternative-mixed.eml", mixed)
    # Outlook style: the thread below "-----Original Message-----", no markers.
    outlook = (REPLY + "\n-----Original Message-----\nFrom: Mary Smith <mary@example.com>\n"
               "Sent: Monday, June 3, 2024 9:12 AM\nTo: Support <support@example.com>\n"
               "Subject: Where is my parcel?\n\n" + CUSTOMER)
    write("outlook.eml", headers(extra="Content-Type: text/plain; charset=utf-8\n"
                                 "Content-Transfer-Encoding: quoted-printable\n") + "\n"
          + qp(outlook.encode("utf-8")))
    with open(os.path.join(HERE, "reply.txt"), "w", encoding="utf-8") as f:
        f.write(REPLY)
    with open(os.path.join(HERE, "customer.txt"), "w", encoding="utf-8") as f:
        f.write(CUSTOMER)

main()
