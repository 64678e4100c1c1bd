// Loading optional shared libraries: the first name that loads wins, a
// missing library is an error naming it, and symbols resolve to callables.

#include "caro/util/shared_library.h"

#include <gtest/gtest.h>

#include <cstddef>

namespace caro::util {
namespace {

TEST(SharedLibrary, MissingLibraryIsAnErrorNamingIt)
{
  auto library = open_shared_library({"libcaro-no-such-library.so.9"}, "the frobnicator");
  ASSERT_FALSE(library);
  EXPECT_NE(library.error().message.find("cannot load the frobnicator"), std::string::npos);
}

TEST(SharedLibrary, LaterNamesAreTriedAndSymbolsResolve)
{
  auto library = open_shared_library({"libcaro-no-such-library.so.9", "libc.so.6"}, "libc");
  ASSERT_TRUE(library) << library.error().message;
  std::size_t (*length)(const char*) = nullptr;
  ASSERT_TRUE(resolve_symbol(*library, "strlen", length));
  EXPECT_EQ(length("caro"), 4u);
  int (*missing)() = nullptr;
  EXPECT_FALSE(resolve_symbol(*library, "caro_no_such_symbol", missing));
}

} // namespace
} // namespace caro::util
