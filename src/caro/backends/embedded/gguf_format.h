#pragma once

// Facts of the GGUF file format shared by the structural check
// (gguf_check.cpp) and the metadata reader (models/gguf_info.cpp): the
// metadata value types and their sizes, and the limits both readers apply so
// a damaged file cannot cause a huge allocation or a long loop.

#include <cstdint>
#include <optional>

namespace caro::gguf {

inline constexpr uint64_t k_max_count = 1u << 24;  // entries in one array or table
inline constexpr uint64_t k_max_string = 1u << 26; // bytes in one string

enum ValueType : uint32_t {
  t_u8 = 0,
  t_i8 = 1,
  t_u16 = 2,
  t_i16 = 3,
  t_u32 = 4,
  t_i32 = 5,
  t_f32 = 6,
  t_bool = 7,
  t_string = 8,
  t_array = 9,
  t_u64 = 10,
  t_i64 = 11,
  t_f64 = 12,
};

// Bytes of one value of a fixed-size type; nullopt for strings, arrays and
// unknown types.
constexpr std::optional<uint64_t> scalar_size(uint32_t type)
{
  switch (type) {
  case t_u8:
  case t_i8:
  case t_bool:
    return 1;
  case t_u16:
  case t_i16:
    return 2;
  case t_u32:
  case t_i32:
  case t_f32:
    return 4;
  case t_u64:
  case t_i64:
  case t_f64:
    return 8;
  default:
    return std::nullopt;
  }
}

} // namespace caro::gguf
