// Disk rules: writing raw data to block devices, formatting, partitioning
// and shredding. Read-only uses of the same tools (fdisk -l, parted print)
// stay safe.

#include "caro/safety/rules.h"
#include "caro/safety/target.h"

namespace caro::safety {

namespace {

constexpr std::array<std::string_view, 14> k_formatters = {"mke2fs", "mkswap", "mkntfs",     "mkdosfs", "mkexfatfs",
                                                           "wipefs", "fdisk",  "sfdisk",     "gdisk",   "sgdisk",
                                                           "cfdisk", "parted", "blkdiscard", "newfs"};

bool is_formatter(std::string_view name)
{
  if (name == "mkfs" || name.starts_with("mkfs.") || name.starts_with("newfs_")) {
    return true;
  }
  for (const auto formatter : k_formatters) {
    if (formatter == name) {
      return true;
    }
  }
  return false;
}

// Listing and printing the partition table changes nothing.
bool is_read_only_use(const CommandView& view)
{
  const Options options = parse_options(view.args);
  if (options.has('l') || options.has("list") || options.has("help") || options.has("version") || options.has('V')) {
    return true;
  }
  if (view.name == "sfdisk" &&
      (options.has('d') || options.has("dump") || options.has('s') || options.has("show-size"))) {
    return true;
  }
  if (view.name == "parted" || view.name == "sgdisk") {
    for (const Word* operand : options.operands) {
      if (operand->text == "print" || operand->text == "p") {
        return true;
      }
    }
    if (view.name == "sgdisk" && (options.has('p') || options.has("print"))) {
      return true;
    }
  }
  return false;
}

bool any_operand_is_device(const CommandView& view)
{
  for (const Word* arg : view.args) {
    if (classify_target(*arg) == TargetClass::block_device) {
      return true;
    }
  }
  return false;
}

std::optional<Span> dd_to_device(const CommandView& view)
{
  if (view.name != "dd") {
    return std::nullopt;
  }
  for (const Word* arg : view.args) {
    if (arg->text.starts_with("of=")) {
      const TargetClass target = classify_target(*arg, 3);
      if (target == TargetClass::block_device ||
          (resolved_path(*arg, 3).starts_with("/dev/") && target != TargetClass::plain)) {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> write_to_device(const CommandView& view)
{
  for (const WriteTarget& target : write_targets(view)) {
    if (classify_target(*target.word, target.from) == TargetClass::block_device) {
      return target.span;
    }
  }
  return std::nullopt;
}

std::optional<Span> format_device(const CommandView& view)
{
  if (!is_formatter(view.name) || is_read_only_use(view)) {
    return std::nullopt;
  }
  return any_operand_is_device(view) ? std::optional<Span>(view.span) : std::nullopt;
}

std::optional<Span> format_other(const CommandView& view)
{
  if (!is_formatter(view.name) || is_read_only_use(view) || parse_options(view.args).operands.empty()) {
    return std::nullopt;
  }
  return view.span;
}

std::optional<Span> shred_device(const CommandView& view)
{
  return view.name == "shred" && any_operand_is_device(view) ? std::optional<Span>(view.span) : std::nullopt;
}

std::optional<Span> shred_files(const CommandView& view)
{
  return view.name == "shred" ? std::optional<Span>(view.span) : std::nullopt;
}

constexpr std::string_view k_dd_yes[] = {"dd if=/dev/zero of=/dev/sda", "dd if=image.iso of=/dev/sdb bs=4M",
                                         "sudo dd if=/dev/urandom of=/dev/nvme0n1", "dd of=/dev/disk2 if=x.img"};
constexpr std::string_view k_dd_no[] = {"dd if=/dev/sda of=backup.img", "dd if=/dev/zero of=swapfile bs=1M count=10",
                                        "dd if=x of=/dev/null"};
constexpr std::string_view k_device_write_yes[] = {"cat image.iso > /dev/sdb", "echo x > /dev/sda",
                                                   "cp disk.img /dev/mmcblk0", "pv x.img | tee /dev/sdc"};
constexpr std::string_view k_device_write_no[] = {"echo x > /dev/null", "cat /dev/sda > /dev/null", "ls > out"};
constexpr std::string_view k_format_yes[] = {
    "mkfs.ext4 /dev/sdb1",         "mkfs -t ext4 /dev/sda", "wipefs -a /dev/sdb",      "fdisk /dev/sda",
    "parted /dev/sda mklabel gpt", "mkswap /dev/vda2",      "sfdisk /dev/sda < layout"};
constexpr std::string_view k_format_no[] = {"fdisk -l /dev/sda", "parted /dev/sda print", "sfdisk -d /dev/sda",
                                            "mkfs.ext4 disk.img"};
constexpr std::string_view k_format_other_yes[] = {"mkfs.ext4 disk.img", "mkswap swapfile"};
constexpr std::string_view k_format_other_no[] = {"fdisk -l", "mkfs.ext4 /dev/sdb1", "lsblk"};
constexpr std::string_view k_shred_device_yes[] = {"shred /dev/sda", "shred -n 3 -z /dev/nvme0n1"};
constexpr std::string_view k_shred_device_no[] = {"shred secret.txt"};
constexpr std::string_view k_shred_yes[] = {"shred -u secret.txt"};
constexpr std::string_view k_shred_no[] = {"shred /dev/sda", "rm secret.txt"};

constexpr Rule k_rules[] = {
    {"disk.dd-to-device", "disk", "device-write", Risk::critical,
     "dd writes raw data over a disk device, destroying its partitions and files",
     "Check the device with lsblk first; write to an image file instead", k_dd_yes, k_dd_no, dd_to_device},
    {"disk.write-to-device", "disk", "device-write", Risk::critical,
     "Writes directly to a disk device, destroying its filesystem", "Check the device with lsblk first",
     k_device_write_yes, k_device_write_no, write_to_device},
    {"disk.format-device", "disk", "format", Risk::critical,
     "Formats, wipes or repartitions a disk device, destroying its data",
     "Check the device with lsblk; list partitions with fdisk -l", k_format_yes, k_format_no, format_device},
    {"disk.format-file", "disk", "format", Risk::moderate, "Creates a filesystem or partition table in a file",
     "Make sure the file is not in use", k_format_other_yes, k_format_other_no, format_other},
    {"disk.shred-device", "disk", "shred", Risk::critical, "Overwrites a whole disk device with random data",
     "Check the device with lsblk first", k_shred_device_yes, k_shred_device_no, shred_device},
    {"fs.shred", "filesystem", "shred", Risk::moderate, "Overwrites files so they cannot be recovered",
     "Make sure you have no other copy you need", k_shred_yes, k_shred_no, shred_files},
};

} // namespace

std::span<const Rule> disk_rules()
{
  return k_rules;
}

} // namespace caro::safety
