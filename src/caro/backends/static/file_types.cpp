// File-type table; see file_types.h. Words that are also ordinary English or
// command words ("go", "c", "text", "shell") need a following noun to count.

#include "caro/backends/static/file_types.h"

#include <array>

namespace caro::backends::static_matcher {
namespace {

constexpr std::array<std::string_view, 1> k_py = {"py"};
constexpr std::array<std::string_view, 1> k_js = {"js"};
constexpr std::array<std::string_view, 1> k_ts = {"ts"};
constexpr std::array<std::string_view, 1> k_c = {"c"};
constexpr std::array<std::string_view, 4> k_cpp = {"cpp", "cc", "cxx", "hpp"};
constexpr std::array<std::string_view, 1> k_h = {"h"};
constexpr std::array<std::string_view, 1> k_go = {"go"};
constexpr std::array<std::string_view, 1> k_rs = {"rs"};
constexpr std::array<std::string_view, 1> k_java = {"java"};
constexpr std::array<std::string_view, 1> k_sh = {"sh"};
constexpr std::array<std::string_view, 1> k_md = {"md"};
constexpr std::array<std::string_view, 1> k_json = {"json"};
constexpr std::array<std::string_view, 2> k_yaml = {"yaml", "yml"};
constexpr std::array<std::string_view, 1> k_csv = {"csv"};
constexpr std::array<std::string_view, 1> k_toml = {"toml"};
constexpr std::array<std::string_view, 1> k_xml = {"xml"};
constexpr std::array<std::string_view, 2> k_html = {"html", "htm"};
constexpr std::array<std::string_view, 1> k_css = {"css"};
constexpr std::array<std::string_view, 1> k_sql = {"sql"};
constexpr std::array<std::string_view, 1> k_rb = {"rb"};
constexpr std::array<std::string_view, 1> k_php = {"php"};
constexpr std::array<std::string_view, 1> k_log = {"log"};
constexpr std::array<std::string_view, 1> k_txt = {"txt"};
constexpr std::array<std::string_view, 7> k_image = {"png", "jpg", "jpeg", "gif", "bmp", "webp", "svg"};
constexpr std::array<std::string_view, 1> k_pdf = {"pdf"};
constexpr std::array<std::string_view, 5> k_video = {"mp4", "mkv", "mov", "avi", "webm"};
constexpr std::array<std::string_view, 5> k_audio = {"mp3", "wav", "flac", "ogg", "m4a"};
constexpr std::array<std::string_view, 1> k_jpg = {"jpg"};
constexpr std::array<std::string_view, 1> k_jpeg = {"jpeg"};
constexpr std::array<std::string_view, 1> k_png = {"png"};
constexpr std::array<std::string_view, 1> k_gif = {"gif"};
constexpr std::array<std::string_view, 1> k_svg = {"svg"};
constexpr std::array<std::string_view, 1> k_bak = {"bak"};
constexpr std::array<std::string_view, 1> k_tmp = {"tmp"};
constexpr std::array<std::string_view, 1> k_mp3 = {"mp3"};
constexpr std::array<std::string_view, 1> k_mp4 = {"mp4"};

constexpr std::array k_types = std::to_array<FileType>({
    {"python", "Python", k_py, true},
    {"py", "Python", k_py, true},
    {"javascript", "JavaScript", k_js, true},
    {"js", "JavaScript", k_js, true},
    {"typescript", "TypeScript", k_ts, true},
    {"ts", "TypeScript", k_ts, true},
    {"c", "C", k_c, true},
    {"c++", "C++", k_cpp, true},
    {"cpp", "C++", k_cpp, true},
    {"header", "C header", k_h, true},
    {"go", "Go", k_go, true},
    {"golang", "Go", k_go, true},
    {"rust", "Rust", k_rs, true},
    {"java", "Java", k_java, true},
    {"shell", "shell script", k_sh, true},
    {"bash", "shell script", k_sh, true},
    {"sh", "shell script", k_sh, true},
    {"markdown", "Markdown", k_md, true},
    {"md", "Markdown", k_md, true},
    {"json", "JSON", k_json, true},
    {"yaml", "YAML", k_yaml, true},
    {"yml", "YAML", k_yaml, true},
    {"csv", "CSV", k_csv, true},
    {"toml", "TOML", k_toml, true},
    {"xml", "XML", k_xml, true},
    {"html", "HTML", k_html, true},
    {"css", "CSS", k_css, true},
    {"sql", "SQL", k_sql, true},
    {"ruby", "Ruby", k_rb, true},
    {"php", "PHP", k_php, true},
    {"log", "log", k_log, true},
    {"logs", "log", k_log, true},
    {"text", "text", k_txt, true},
    {"txt", "text", k_txt, true},
    {"image", "image", k_image, false},
    {"pdf", "PDF", k_pdf, true},
    {"pdfs", "PDF", k_pdf, false},
    {"video", "video", k_video, true},
    {"videos", "video", k_video, false},
    {"audio", "audio", k_audio, true},
    {"jpg", "JPEG", k_jpg, true},
    {"jpgs", "JPEG", k_jpg, false},
    {"jpeg", "JPEG", k_jpeg, true},
    {"png", "PNG", k_png, true},
    {"pngs", "PNG", k_png, false},
    {"gif", "GIF", k_gif, true},
    {"svg", "SVG", k_svg, true},
    {"bak", "backup", k_bak, true},
    {"tmp", "temporary", k_tmp, true},
    {"mp3", "MP3", k_mp3, true},
    {"mp4", "MP4", k_mp4, true},
});

} // namespace

std::optional<FileType> lookup_file_type(std::string_view word)
{
  for (const auto& type : k_types) {
    if (type.word == word) {
      return type;
    }
  }
  return std::nullopt;
}

bool is_file_noun(std::string_view word)
{
  return word == "file" || word == "script" || word == "source" || word == "code" || word == "document" ||
         word == "documents" || word == "image" || word == "sources";
}

} // namespace caro::backends::static_matcher
