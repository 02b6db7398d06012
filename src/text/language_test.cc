#include "text/language.h"

#include <catch2/catch.hpp>
#include <string>

namespace amends {

TEST_CASE("language: English replies stay English", "[text][language]") {
  LanguageGuess g = GuessLanguage(
      "Hi Sam, I'm sorry your parcel is late. I've sent a replacement today and it "
      "should arrive on Friday. Thanks for your patience.");
  CHECK(g.english);
  CHECK(g.code == "en");
}

TEST_CASE("language: a reply in Spanish is confidently not English", "[text][language]") {
  LanguageGuess g = GuessLanguage(
      "Hola Marta, lamentamos mucho el retraso de tu pedido. Te enviamos uno nuevo hoy "
      "mismo y debería llegar el viernes. Gracias por tu paciencia.");
  CHECK_FALSE(g.english);
  CHECK(g.code == "es");
  CHECK(g.name == "Spanish");
  CHECK(g.confidence >= kNotEnglishConfidence);
}

TEST_CASE("language: a short English reply with a foreign greeting is English",
          "[text][language]") {
  for (const char* text : {"Hola María, sorry the parcel is late: a new one ships today.",
                           "Bonjour Amélie! Your refund went out this morning.",
                           "Hallo Jürgen, thanks, the invoice is attached.", "Gracias!"}) {
    INFO(text);
    CHECK(GuessLanguage(text).english);
  }
}

TEST_CASE("language: a few English words do not make another language English",
          "[text][language]") {
  LanguageGuess g = GuessLanguage(
      "Hola Val, puedes hacer una prueba gratuita de Prime Video si nunca lo has usado. "
      "Entra en the Prime Video app y sigue las instrucciones, por favor.");
  CHECK_FALSE(g.english);
  CHECK(g.code == "es");
}

TEST_CASE("language: too little text, or none, is left to the English rules", "[text][language]") {
  CHECK(GuessLanguage("").english);
  CHECK(GuessLanguage("¿Qué?").english);
  CHECK(GuessLanguage("https://t.co/abc ^JB 12345").english);
}

TEST_CASE("language: a long draft is judged on a bounded sample", "[text][language]") {
  std::string spanish;
  while (spanish.size() < 4 * kLanguageSampleBytes)
    spanish += "Lamentamos mucho el retraso de tu pedido, te enviamos uno nuevo hoy. ñ ";
  LanguageGuess g = GuessLanguage(spanish);
  CHECK_FALSE(g.english);
  CHECK(g.code == "es");
}

}  // namespace amends
