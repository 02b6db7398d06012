// Email stage: is this input a whole email message or a bare draft?
#pragma once

#include <string_view>

namespace amends::email {

// True when `bytes` opens with an RFC 5322 header block (an mbox "From "
// line allowed first): every line up to the first blank one is a header
// field or its continuation, and at least two are fields a message has
// (From, To, Subject, Date, Message-ID, MIME-Version, Content-Type,
// Received, Return-Path…), or one of them is MIME-Version or Content-Type.
// A draft that merely starts with "Subject: …" stays text.
bool LooksLikeMessage(std::string_view bytes);

}  // namespace amends::email
