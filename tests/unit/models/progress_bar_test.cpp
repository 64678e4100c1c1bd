// Formatting of sizes and of the download progress line.

#include "caro/models/progress_bar.h"

#include <gtest/gtest.h>

namespace caro::models {
namespace {

TEST(FormatBytes, UsesDecimalUnits)
{
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(12'345), "12.3 kB");
  EXPECT_EQ(format_bytes(1'500'000), "1.5 MB");
  EXPECT_EQ(format_bytes(145'000'000), "145 MB");
  EXPECT_EQ(format_bytes(1'120'000'000), "1.1 GB");
}

TEST(ProgressLine, ShowsBarPercentSizesAndRate)
{
  const auto line = format_progress_line("smollm-135m", 72'500'000, 145'000'000, 12'100'000, 100);
  EXPECT_EQ(line.rfind("smollm-135m  [", 0), 0u) << line;
  EXPECT_NE(line.find(" 50%"), std::string::npos) << line;
  EXPECT_NE(line.find("72 MB / 145 MB"), std::string::npos) << line;
  EXPECT_NE(line.find("12 MB/s"), std::string::npos) << line;
  EXPECT_NE(line.find("####"), std::string::npos);
  EXPECT_NE(line.find("...."), std::string::npos);
}

TEST(ProgressLine, FitsTheWidthAndDropsTheBarFirst)
{
  const auto narrow = format_progress_line("smollm-135m", 1, 2, 0, 40);
  EXPECT_LE(narrow.size(), 40u);
  EXPECT_EQ(narrow.find('['), std::string::npos) << narrow;
  EXPECT_LE(format_progress_line("smollm-135m", 1, 2, 0, 10).size(), 10u);
}

TEST(ProgressLine, UnknownTotalShowsOnlyTheBytes)
{
  const auto line = format_progress_line("m", 2'000'000, 0, 0, 80);
  EXPECT_EQ(line, "m  2.0 MB");
}

} // namespace
} // namespace caro::models
