// Streaming SHA-256 through OpenSSL's EVP interface, which uses the CPU's SHA extensions
// (SHA-NI on x86, the ARMv8 crypto extensions) when the CPU has them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cairn::artifacts {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, std::size_t size);
    // The digest as 64 lowercase hex digits. The object can be used again afterwards.
    std::string finishHex();

private:
    void* m_ctx;  // EVP_MD_CTX, kept out of this header so OpenSSL stays a private dependency
};

std::string sha256Hex(std::string_view data);
// True for 64 lowercase hex digits: the name of an object.
bool isObjectHash(std::string_view text);
// True for 1 to 64 lowercase hex digits (a hash or a prefix of one).
bool isHexPrefix(std::string_view text);

} // namespace cairn::artifacts
