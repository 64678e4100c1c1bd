#pragma once

// The SHA-256 block function (FIPS 180-4), in two implementations: portable
// C++ and the x86 SHA extensions (SHA-NI), chosen once by the CPU. caro
// hashes in-process instead of linking libcrypto so that a plain `caro`
// run maps no crypto library at all (the whole static-request process must
// stay under 10 MB of resident memory).

#include <cstddef>
#include <cstdint>

namespace caro::models::detail {

// Runs `blocks` 64-byte blocks through the compression function.
using Sha256Compress = void (*)(std::uint32_t state[8], const unsigned char* data, std::size_t blocks);

void sha256_compress_portable(std::uint32_t state[8], const unsigned char* data, std::size_t blocks);

// Null when this CPU (or build) has no SHA extensions.
Sha256Compress sha256_compress_accelerated();

// The accelerated function where there is one, else the portable one.
Sha256Compress sha256_compress_best();

} // namespace caro::models::detail
