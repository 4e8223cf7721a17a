#include "engine/artifacts/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace cairn::artifacts {
namespace {

// Fetched once: OpenSSL 3 looks up the provider's implementation on every implicit fetch.
const EVP_MD* sha256Md()
{
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md ? md : EVP_sha256();
}

EVP_MD_CTX* ctxOf(void* p) { return static_cast<EVP_MD_CTX*>(p); }

} // namespace

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(ctxOf(m_ctx), sha256Md(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not start a SHA-256 digest");
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctxOf(m_ctx)); }

void Sha256::update(const void* data, std::size_t size)
{
    if (size > 0)
        EVP_DigestUpdate(ctxOf(m_ctx), data, size);
}

std::string Sha256::finishHex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctxOf(m_ctx), digest, &len);
    EVP_DigestInit_ex(ctxOf(m_ctx), sha256Md(), nullptr);
    static const char* kHex = "0123456789abcdef";
    std::string out(len * 2, '0');
    for (unsigned int i = 0; i < len; ++i) {
        out[2 * i] = kHex[digest[i] >> 4];
        out[2 * i + 1] = kHex[digest[i] & 15];
    }
    return out;
}

std::string sha256Hex(std::string_view data)
{
    Sha256 h;
    h.update(data.data(), data.size());
    return h.finishHex();
}

bool isHexPrefix(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool isObjectHash(std::string_view text) { return text.size() == 64 && isHexPrefix(text); }

} // namespace cairn::artifacts
