// The entry point of amends-mime.so (see ParseMessage in message.h).
#include "email/message.h"

extern "C" __attribute__((visibility("default"))) const amends::email::MimeModule*
amends_mime_module_v1() {
  static const amends::email::MimeModule module{&amends::email::ParseMessage};
  return &module;
}
