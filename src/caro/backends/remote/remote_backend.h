#pragma once

// Remote backends (OpenAI-compatible servers, Ollama). Not part of this build
// yet: the backend reports itself unavailable with the reason.

#include "caro/backends/generator.h"

namespace caro::backends {

class RemoteBackend final : public Generator
{
public:
  std::string_view name() const override { return "remote"; }
  Availability availability() const override;
  Expected<Generation> generate(const GenerationRequest& request) override;
};

} // namespace caro::backends
