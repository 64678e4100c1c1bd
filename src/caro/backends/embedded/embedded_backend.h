#pragma once

// The embedded LLM backend (llama.cpp). This build does not include llama.cpp
// yet, so the backend reports itself unavailable with the reason; the chain
// and `caro doctor` show that reason instead of pretending to answer.

#include "caro/backends/generator.h"

#include <string>

namespace caro::backends {

class EmbeddedBackend final : public Generator
{
public:
  explicit EmbeddedBackend(std::string model);

  std::string_view name() const override { return "embedded"; }
  Availability availability() const override;
  Expected<Generation> generate(const GenerationRequest& request) override;

private:
  std::string m_model;
};

} // namespace caro::backends
