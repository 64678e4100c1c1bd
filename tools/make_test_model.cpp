// make_test_model: writes GGUF models for caro's tests and benchmarks, since
// no real weights can be downloaded where caro is built and tested.
//
//   make_test_model tiny  --vocab <ggml-vocab-qwen2.gguf> --out <file>
//   make_test_model shape <smollm-135m|qwen2.5-1.5b|mini> --type <q8_0|q4_k> --vocab <vocab.gguf> --out <file>
//
// The tokenizer (every tokenizer.* key: tokens, types, merges, special ids) is
// copied from one of llama.cpp's models/ggml-vocab-*.gguf files, so caro runs
// a real tokenizer, and every model carries a ChatML tokenizer.chat_template.
//
// "tiny" is a 2-layer llama whose greedy answer to any ChatML prompt is
// `ls -la`. Attention-output and FFN-down weights are zero, so each
// position's residual stream is just its token embedding; the embeddings are
// one-hot over the few tokens involved, and the output matrix maps each of
// them to the next token of the answer: the prompt's last token (the newline
// after "<|im_start|>assistant") -> "ls" -> " -" -> "la" -> end of text. The
// other weights are small pseudo-random values, so the whole forward pass
// (norms, RoPE, attention, SwiGLU) still runs on real numbers.
//
// "shape" writes random weights with the exact shapes of SmolLM-135M or
// Qwen2.5-1.5B (tied embeddings, as in the originals) for speed and memory
// benchmarks; their output is gibberish by design. "mini" is a 2-layer
// random-weight llama small enough for unit tests that need every weight to
// matter (attention included), such as checking that a restored prefix state
// gives the same tokens as evaluating the prefix again.

#include "gguf_stream_writer.h"

#include <ggml.h>
#include <gguf.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using caro::tools::GgufStreamWriter;

constexpr const char* k_chatml_template =
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + "
    "'<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

// Token texts as stored in a GPT-2-style BPE vocabulary ("Ġ" is a space, "Ċ" a newline).
constexpr const char* k_prompt_end_token = "\xC4\x8A";                      // "Ċ"
const std::vector<std::string> k_answer_tokens = {"ls", "\xC4\xA0-", "la"}; // "ls", "Ġ-", "la"

// Deterministic pseudo-random numbers (splitmix64), seeded per tensor so each
// tensor's values do not depend on the order tensors are written in.
class Random
{
public:
  explicit Random(uint64_t seed) : m_state(seed) {}
  // Uniform in [-scale, scale].
  float uniform(float scale)
  {
    m_state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    const double unit = static_cast<double>(z >> 11) / static_cast<double>(1ULL << 53);
    return static_cast<float>((unit * 2.0 - 1.0) * scale);
  }

private:
  uint64_t m_state;
};

uint64_t hash_name(const std::string& name)
{
  uint64_t hash = 1469598103934665603ULL;
  for (const char c : name) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

caro::tools::RowFiller constant(float value)
{
  return [value](int64_t, float* out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      out[i] = value;
    }
  };
}

caro::tools::RowFiller random_rows(const std::string& name, float scale)
{
  const uint64_t seed = hash_name(name);
  return [seed, scale](int64_t row, float* out, int64_t n) {
    Random random(seed ^ (static_cast<uint64_t>(row) * 0x9E3779B97F4A7C15ULL));
    for (int64_t i = 0; i < n; ++i) {
      out[i] = random.uniform(scale);
    }
  };
}

struct GgufFree
{
  void operator()(gguf_context* ctx) const { gguf_free(ctx); }
};

// Copies the tokenizer.* keys of `vocab` into `meta`; returns the vocabulary size.
int64_t copy_tokenizer(gguf_context* meta, const gguf_context* vocab)
{
  gguf_set_kv(meta, vocab);
  for (int64_t i = gguf_get_n_kv(meta) - 1; i >= 0; --i) {
    const std::string key = gguf_get_key(meta, i);
    if (key.rfind("tokenizer.", 0) != 0) {
      gguf_remove_key(meta, key.c_str());
    }
  }
  gguf_set_val_str(meta, "tokenizer.chat_template", k_chatml_template);
  const int64_t tokens = gguf_find_key(vocab, "tokenizer.ggml.tokens");
  return tokens < 0 ? 0 : static_cast<int64_t>(gguf_get_arr_n(vocab, tokens));
}

std::optional<int32_t> find_token(const gguf_context* vocab, const std::string& text)
{
  const int64_t key = gguf_find_key(vocab, "tokenizer.ggml.tokens");
  const size_t n = gguf_get_arr_n(vocab, key);
  for (size_t i = 0; i < n; ++i) {
    if (text == gguf_get_arr_str(vocab, key, i)) {
      return static_cast<int32_t>(i);
    }
  }
  return std::nullopt;
}

struct Shape
{
  std::string arch; // "llama" or "qwen2"
  std::string name;
  int64_t n_layer;
  int64_t n_embd;
  int64_t n_head;
  int64_t n_head_kv;
  int64_t n_ff;
  int64_t n_ctx_train;
  float rope_base;
  float rms_eps;
  bool tied_output; // no output.weight: the token embedding doubles as the output matrix
};

void set_arch_keys(gguf_context* meta, const Shape& shape, int64_t n_vocab, uint32_t file_type)
{
  const std::string a = shape.arch;
  gguf_set_val_str(meta, "general.architecture", a.c_str());
  gguf_set_val_str(meta, "general.name", shape.name.c_str());
  gguf_set_val_u32(meta, "general.file_type", file_type);
  gguf_set_val_u32(meta, (a + ".context_length").c_str(), static_cast<uint32_t>(shape.n_ctx_train));
  gguf_set_val_u32(meta, (a + ".embedding_length").c_str(), static_cast<uint32_t>(shape.n_embd));
  gguf_set_val_u32(meta, (a + ".block_count").c_str(), static_cast<uint32_t>(shape.n_layer));
  gguf_set_val_u32(meta, (a + ".feed_forward_length").c_str(), static_cast<uint32_t>(shape.n_ff));
  gguf_set_val_u32(meta, (a + ".attention.head_count").c_str(), static_cast<uint32_t>(shape.n_head));
  gguf_set_val_u32(meta, (a + ".attention.head_count_kv").c_str(), static_cast<uint32_t>(shape.n_head_kv));
  gguf_set_val_u32(meta, (a + ".rope.dimension_count").c_str(), static_cast<uint32_t>(shape.n_embd / shape.n_head));
  gguf_set_val_f32(meta, (a + ".rope.freq_base").c_str(), shape.rope_base);
  gguf_set_val_f32(meta, (a + ".attention.layer_norm_rms_epsilon").c_str(), shape.rms_eps);
  gguf_set_val_u32(meta, (a + ".vocab_size").c_str(), static_cast<uint32_t>(n_vocab));
}

// A weight matrix in `type`, or, when its rows do not split into that type's
// blocks (SmolLM's 576 is not a multiple of Q4_K's 256), the 32-wide fallback
// llama-quantize uses for such rows.
ggml_type matrix_type(ggml_type type, int64_t ne0)
{
  if (ne0 % ggml_blck_size(type) == 0) {
    return type;
  }
  return type == GGML_TYPE_Q4_K ? GGML_TYPE_Q5_0 : GGML_TYPE_Q8_0;
}

int write_tiny(const gguf_context* vocab, const std::string& out)
{
  const Shape shape{"llama", "caro-tiny-ls", 2, 32, 4, 2, 64, 4096, 10000.0F, 1e-5F, false};
  GgufStreamWriter writer;
  const int64_t n_vocab = copy_tokenizer(writer.meta(), vocab);
  set_arch_keys(writer.meta(), shape, n_vocab, /*file_type=*/1); // LLAMA_FTYPE_MOSTLY_F16

  // The chain of tokens: prompt end -> answer tokens -> end of text.
  std::vector<int32_t> chain;
  for (const std::string& text : std::vector<std::string>{k_prompt_end_token}) {
    chain.push_back(find_token(vocab, text).value_or(-1));
  }
  for (const std::string& text : k_answer_tokens) {
    chain.push_back(find_token(vocab, text).value_or(-1));
  }
  const int64_t eos_key = gguf_find_key(vocab, "tokenizer.ggml.eos_token_id");
  if (eos_key < 0) {
    std::fprintf(stderr, "make_test_model: the vocabulary has no tokenizer.ggml.eos_token_id\n");
    return 1;
  }
  const auto eos = gguf_get_kv_type(vocab, eos_key) == GGUF_TYPE_INT32
                       ? gguf_get_val_i32(vocab, eos_key)
                       : static_cast<int32_t>(gguf_get_val_u32(vocab, eos_key));
  for (const int32_t id : chain) {
    if (id < 0) {
      std::fprintf(stderr, "make_test_model: the vocabulary lacks one of the answer's tokens\n");
      return 1;
    }
  }
  // slot[token] = the embedding dimension that token lights up.
  std::map<int32_t, int64_t> slot;
  std::map<int32_t, int32_t> next; // output token -> the token whose embedding predicts it
  for (size_t i = 0; i < chain.size(); ++i) {
    slot[chain[i]] = static_cast<int64_t>(i);
    next[i + 1 < chain.size() ? chain[i + 1] : eos] = chain[i];
  }

  const int64_t d = shape.n_embd;
  const int64_t d_kv = d / shape.n_head * shape.n_head_kv;
  // The two vocabulary-sized matrices are F16 (exact for 0, 1 and 10) to halve the file.
  writer.add_tensor("token_embd.weight", GGML_TYPE_F16, d, n_vocab, [slot](int64_t row, float* o, int64_t n) {
    std::fill(o, o + n, 0.0F);
    if (const auto it = slot.find(static_cast<int32_t>(row)); it != slot.end()) {
      o[it->second] = 1.0F;
    }
  });
  writer.add_tensor("output_norm.weight", GGML_TYPE_F32, d, 1, constant(1.0F));
  writer.add_tensor("output.weight", GGML_TYPE_F16, d, n_vocab, [slot, next](int64_t row, float* o, int64_t n) {
    std::fill(o, o + n, 0.0F);
    if (const auto it = next.find(static_cast<int32_t>(row)); it != next.end()) {
      o[slot.at(it->second)] = 10.0F;
    }
  });
  for (int64_t layer = 0; layer < shape.n_layer; ++layer) {
    const std::string p = "blk." + std::to_string(layer) + ".";
    writer.add_tensor(p + "attn_norm.weight", GGML_TYPE_F32, d, 1, constant(1.0F));
    writer.add_tensor(p + "attn_q.weight", GGML_TYPE_F32, d, d, random_rows(p + "q", 0.1F));
    writer.add_tensor(p + "attn_k.weight", GGML_TYPE_F32, d, d_kv, random_rows(p + "k", 0.1F));
    writer.add_tensor(p + "attn_v.weight", GGML_TYPE_F32, d, d_kv, random_rows(p + "v", 0.1F));
    writer.add_tensor(p + "attn_output.weight", GGML_TYPE_F32, d, d, constant(0.0F));
    writer.add_tensor(p + "ffn_norm.weight", GGML_TYPE_F32, d, 1, constant(1.0F));
    writer.add_tensor(p + "ffn_gate.weight", GGML_TYPE_F32, d, shape.n_ff, random_rows(p + "gate", 0.1F));
    writer.add_tensor(p + "ffn_up.weight", GGML_TYPE_F32, d, shape.n_ff, random_rows(p + "up", 0.1F));
    writer.add_tensor(p + "ffn_down.weight", GGML_TYPE_F32, shape.n_ff, d, constant(0.0F));
  }
  std::string error;
  if (!writer.write(out, error)) {
    std::fprintf(stderr, "make_test_model: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

int write_shape(const gguf_context* vocab, const std::string& which, ggml_type type, const std::string& out)
{
  std::optional<Shape> shape;
  if (which == "smollm-135m") {
    shape = Shape{"llama", "SmolLM-135M-shape", 30, 576, 9, 3, 1536, 2048, 10000.0F, 1e-5F, true};
  } else if (which == "qwen2.5-1.5b") {
    shape = Shape{"qwen2", "Qwen2.5-1.5B-shape", 28, 1536, 12, 2, 8960, 32768, 1000000.0F, 1e-6F, true};
  } else if (which == "mini") {
    shape = Shape{"llama", "caro-mini-random", 2, 64, 4, 2, 128, 2048, 10000.0F, 1e-5F, true};
  } else {
    std::fprintf(stderr, "make_test_model: unknown shape %s (smollm-135m, qwen2.5-1.5b or mini)\n", which.c_str());
    return 2;
  }
  GgufStreamWriter writer;
  const int64_t n_vocab = copy_tokenizer(writer.meta(), vocab);
  // llama_ftype values: MOSTLY_Q8_0 = 7, MOSTLY_Q4_K_M = 15.
  set_arch_keys(writer.meta(), *shape, n_vocab, type == GGML_TYPE_Q8_0 ? 7U : 15U);

  const int64_t d = shape->n_embd;
  const int64_t d_kv = d / shape->n_head * shape->n_head_kv;
  const float scale = 0.035F; // about 0.02 standard deviation, as initialised models have
  auto matrix = [&](const std::string& name, int64_t ne0, int64_t ne1) {
    writer.add_tensor(name, matrix_type(type, ne0), ne0, ne1, random_rows(name, scale));
  };
  matrix("token_embd.weight", d, n_vocab);
  writer.add_tensor("output_norm.weight", GGML_TYPE_F32, d, 1, constant(1.0F));
  for (int64_t layer = 0; layer < shape->n_layer; ++layer) {
    const std::string p = "blk." + std::to_string(layer) + ".";
    writer.add_tensor(p + "attn_norm.weight", GGML_TYPE_F32, d, 1, constant(1.0F));
    matrix(p + "attn_q.weight", d, d);
    matrix(p + "attn_k.weight", d, d_kv);
    matrix(p + "attn_v.weight", d, d_kv);
    if (shape->arch == "qwen2") {
      writer.add_tensor(p + "attn_q.bias", GGML_TYPE_F32, d, 1, random_rows(p + "qb", scale));
      writer.add_tensor(p + "attn_k.bias", GGML_TYPE_F32, d_kv, 1, random_rows(p + "kb", scale));
      writer.add_tensor(p + "attn_v.bias", GGML_TYPE_F32, d_kv, 1, random_rows(p + "vb", scale));
    }
    matrix(p + "attn_output.weight", d, d);
    writer.add_tensor(p + "ffn_norm.weight", GGML_TYPE_F32, d, 1, constant(1.0F));
    matrix(p + "ffn_gate.weight", d, shape->n_ff);
    matrix(p + "ffn_up.weight", d, shape->n_ff);
    matrix(p + "ffn_down.weight", shape->n_ff, d);
  }
  std::string error;
  if (!writer.write(out, error)) {
    std::fprintf(stderr, "make_test_model: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

int usage()
{
  std::fprintf(stderr, "usage: make_test_model tiny --vocab <vocab.gguf> --out <file>\n"
                       "       make_test_model shape <smollm-135m|qwen2.5-1.5b|mini> --type <q8_0|q4_k> "
                       "--vocab <vocab.gguf> --out <file>\n");
  return 2;
}

} // namespace

int main(int argc, char** argv)
{
  std::vector<std::string> args(argv + 1, argv + argc);
  std::map<std::string, std::string> options;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) == 0 && i + 1 < args.size()) {
      options[args[i]] = args[i + 1];
      ++i;
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.empty() || !options.count("--vocab") || !options.count("--out")) {
    return usage();
  }
  gguf_init_params params{};
  params.no_alloc = true;
  params.ctx = nullptr;
  std::unique_ptr<gguf_context, GgufFree> vocab(gguf_init_from_file(options["--vocab"].c_str(), params));
  if (!vocab) {
    std::fprintf(stderr, "make_test_model: cannot read the vocabulary %s\n", options["--vocab"].c_str());
    return 1;
  }
  if (positional[0] == "tiny") {
    return write_tiny(vocab.get(), options["--out"]);
  }
  if (positional[0] == "shape" && positional.size() == 2) {
    const std::string type = options.count("--type") ? options["--type"] : "q8_0";
    if (type != "q8_0" && type != "q4_k") {
      return usage();
    }
    return write_shape(vocab.get(), positional[1], type == "q8_0" ? GGML_TYPE_Q8_0 : GGML_TYPE_Q4_K, options["--out"]);
  }
  return usage();
}
