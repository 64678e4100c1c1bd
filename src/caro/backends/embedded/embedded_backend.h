#pragma once

// The embedded LLM backend: a small local model run in-process by llama.cpp.
//
// availability() only resolves the `model` setting and stats the file (a
// catalog model that is not downloaded is "not downloaded; run caro model
// pull"). generate() checks the file's GGUF structure, loads the model on
// first use, completes the prompt (prompt_builder.h) with the prefix cache,
// and parses the answer (response_parser.h). The command is then validated
// by the safety layer like any other backend's.
//
// Built without llama.cpp (CARO_WITH_LLAMA=OFF), it reports itself
// unavailable with that reason.

#include "caro/backends/generator.h"
#include "caro/util/env.h"

#include <memory>
#include <string>

namespace caro::backends {

class LlamaEngine;

struct EmbeddedOptions
{
  std::string model;   // catalog id or path to a GGUF file
  EnvLookup env;       // HOME and XDG_* (model and cache directories), CARO_LLAMA_LOG
  int threads = 0;     // 0: the idle physical cores (default_threads())
  int max_tokens = 64; // generation limit
  bool prefix_cache = true;
};

class EmbeddedBackend final : public Generator
{
public:
  explicit EmbeddedBackend(EmbeddedOptions options);
  ~EmbeddedBackend() override;

  std::string_view name() const override { return "embedded"; }
  Availability availability() const override;
  Expected<Generation> generate(const GenerationRequest& request) override;

private:
  EmbeddedOptions m_options;
  std::unique_ptr<LlamaEngine> m_engine; // loaded on the first generate()
};

} // namespace caro::backends
