#pragma once

// Errors are values at module boundaries: a function that can fail returns
// Expected<T>, holding either its value or an Error that says what happened
// and what the user can do about it. (std::expected is C++23; g++ 12 with
// C++20 has none, so this is the small subset caro needs.)

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace caro {

struct Error
{
  std::string message; // what happened, e.g. "cannot read /x/config.toml: Permission denied"
  std::string hint;    // what to do about it; may be empty
};

// Tag so that `return unexpected(...)` reads like std::expected.
struct Unexpected
{
  Error error;
};

inline Unexpected unexpected(std::string message, std::string hint = {})
{
  return Unexpected{Error{std::move(message), std::move(hint)}};
}

inline Unexpected unexpected(Error error)
{
  return Unexpected{std::move(error)};
}

template<typename T> class [[nodiscard]] Expected
{
public:
  Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
  // cppcheck-suppress passedByValue ; a sink: its error is moved from
  Expected(Unexpected failure) : m_state(std::in_place_index<1>, std::move(failure.error)) {}

  bool has_value() const { return m_state.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() &
  {
    assert(has_value());
    return std::get<0>(m_state);
  }
  const T& value() const&
  {
    assert(has_value());
    return std::get<0>(m_state);
  }
  T&& value() &&
  {
    assert(has_value());
    return std::get<0>(std::move(m_state));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const
  {
    assert(!has_value());
    return std::get<1>(m_state);
  }

private:
  std::variant<T, Error> m_state;
};

// Expected<void>: success carries nothing.
template<> class [[nodiscard]] Expected<void>
{
public:
  Expected() = default;
  // cppcheck-suppress passedByValue ; a sink: its error is moved from
  Expected(Unexpected failure) : m_error(std::move(failure.error)), m_failed(true) {}

  bool has_value() const { return !m_failed; }
  explicit operator bool() const { return has_value(); }
  const Error& error() const
  {
    assert(m_failed);
    return m_error;
  }

private:
  Error m_error;
  bool m_failed = false;
};

} // namespace caro
