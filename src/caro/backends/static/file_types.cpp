// File-type table; see file_types.h. Words that are also ordinary English or
// command words ("go", "c", "text", "shell") need a following noun to count.

#include "caro/backends/static/file_types.h"

#include <algorithm>
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
// Extensions that are their own type word ("pyc files").
constexpr std::array<std::string_view, 1> k_ext_pyc = {"pyc"};
constexpr std::array<std::string_view, 1> k_ext_class = {"class"};
constexpr std::array<std::string_view, 1> k_ext_jar = {"jar"};
constexpr std::array<std::string_view, 1> k_ext_kt = {"kt"};
constexpr std::array<std::string_view, 1> k_ext_swift = {"swift"};
constexpr std::array<std::string_view, 1> k_ext_scala = {"scala"};
constexpr std::array<std::string_view, 1> k_ext_lua = {"lua"};
constexpr std::array<std::string_view, 1> k_ext_jsx = {"jsx"};
constexpr std::array<std::string_view, 1> k_ext_tsx = {"tsx"};
constexpr std::array<std::string_view, 1> k_ext_vue = {"vue"};
constexpr std::array<std::string_view, 1> k_ext_scss = {"scss"};
constexpr std::array<std::string_view, 1> k_ext_sass = {"sass"};
constexpr std::array<std::string_view, 1> k_ext_tex = {"tex"};
constexpr std::array<std::string_view, 1> k_ext_rst = {"rst"};
constexpr std::array<std::string_view, 1> k_ext_proto = {"proto"};
constexpr std::array<std::string_view, 1> k_ext_tf = {"tf"};
constexpr std::array<std::string_view, 1> k_ext_conf = {"conf"};
constexpr std::array<std::string_view, 1> k_ext_cfg = {"cfg"};
constexpr std::array<std::string_view, 1> k_ext_ini = {"ini"};
constexpr std::array<std::string_view, 1> k_ext_swp = {"swp"};
constexpr std::array<std::string_view, 1> k_ext_orig = {"orig"};
constexpr std::array<std::string_view, 1> k_ext_rej = {"rej"};
constexpr std::array<std::string_view, 1> k_ext_zip = {"zip"};
constexpr std::array<std::string_view, 1> k_ext_gz = {"gz"};
constexpr std::array<std::string_view, 1> k_ext_tgz = {"tgz"};
constexpr std::array<std::string_view, 1> k_ext_iso = {"iso"};
constexpr std::array<std::string_view, 1> k_ext_docx = {"docx"};
constexpr std::array<std::string_view, 1> k_ext_xlsx = {"xlsx"};
constexpr std::array<std::string_view, 1> k_ext_pptx = {"pptx"};
constexpr std::array<std::string_view, 1> k_ext_odt = {"odt"};
constexpr std::array<std::string_view, 1> k_ext_epub = {"epub"};
constexpr std::array<std::string_view, 1> k_ext_wav = {"wav"};
constexpr std::array<std::string_view, 1> k_ext_flac = {"flac"};
constexpr std::array<std::string_view, 1> k_ext_mkv = {"mkv"};
constexpr std::array<std::string_view, 1> k_ext_mov = {"mov"};
constexpr std::array<std::string_view, 1> k_ext_webm = {"webm"};
constexpr std::array<std::string_view, 1> k_ext_webp = {"webp"};
constexpr std::array<std::string_view, 1> k_ext_bmp = {"bmp"};
constexpr std::array<std::string_view, 1> k_ext_ico = {"ico"};
constexpr std::array<std::string_view, 1> k_ext_ttf = {"ttf"};
constexpr std::array<std::string_view, 1> k_ext_woff = {"woff"};
constexpr std::array<std::string_view, 1> k_ext_sqlite = {"sqlite"};

// Sorted by word, for binary search.
constexpr std::array k_types = std::to_array<FileType>({
    {"audio", "audio", k_audio, true},
    {"bak", "backup", k_bak, true},
    {"bash", "shell script", k_sh, true},
    {"bmp", "BMP", k_ext_bmp, true},
    {"c", "C", k_c, true},
    {"c++", "C++", k_cpp, true},
    {"cfg", "configuration", k_ext_cfg, true},
    {"class", "Java class", k_ext_class, true},
    {"conf", "configuration", k_ext_conf, true},
    {"cpp", "C++", k_cpp, true},
    {"css", "CSS", k_css, true},
    {"csv", "CSV", k_csv, true},
    {"docx", "Word", k_ext_docx, true},
    {"epub", "EPUB", k_ext_epub, true},
    {"flac", "FLAC", k_ext_flac, true},
    {"gif", "GIF", k_gif, true},
    {"go", "Go", k_go, true},
    {"golang", "Go", k_go, true},
    {"gz", "gzip", k_ext_gz, true},
    {"header", "C header", k_h, true},
    {"html", "HTML", k_html, true},
    {"ico", "icon", k_ext_ico, true},
    {"image", "image", k_image, false},
    {"ini", "INI", k_ext_ini, true},
    {"iso", "ISO image", k_ext_iso, true},
    {"jar", "Java archive", k_ext_jar, true},
    {"java", "Java", k_java, true},
    {"javascript", "JavaScript", k_js, true},
    {"jpeg", "JPEG", k_jpeg, true},
    {"jpg", "JPEG", k_jpg, true},
    {"jpgs", "JPEG", k_jpg, false},
    {"js", "JavaScript", k_js, true},
    {"json", "JSON", k_json, true},
    {"jsx", "JSX", k_ext_jsx, true},
    {"kt", "Kotlin", k_ext_kt, true},
    {"log", "log", k_log, true},
    {"logs", "log", k_log, true},
    {"lua", "Lua", k_ext_lua, true},
    {"markdown", "Markdown", k_md, true},
    {"md", "Markdown", k_md, true},
    {"mkv", "Matroska", k_ext_mkv, true},
    {"mov", "QuickTime", k_ext_mov, true},
    {"mp3", "MP3", k_mp3, true},
    {"mp4", "MP4", k_mp4, true},
    {"odt", "OpenDocument text", k_ext_odt, true},
    {"orig", "merge leftover", k_ext_orig, true},
    {"pdf", "PDF", k_pdf, true},
    {"pdfs", "PDF", k_pdf, false},
    {"php", "PHP", k_php, true},
    {"png", "PNG", k_png, true},
    {"pngs", "PNG", k_png, false},
    {"pptx", "PowerPoint", k_ext_pptx, true},
    {"proto", "Protocol Buffers", k_ext_proto, true},
    {"py", "Python", k_py, true},
    {"pyc", "compiled Python", k_ext_pyc, true},
    {"python", "Python", k_py, true},
    {"rej", "rejected patch", k_ext_rej, true},
    {"rst", "reStructuredText", k_ext_rst, true},
    {"ruby", "Ruby", k_rb, true},
    {"rust", "Rust", k_rs, true},
    {"sass", "Sass", k_ext_sass, true},
    {"scala", "Scala", k_ext_scala, true},
    {"scss", "SCSS", k_ext_scss, true},
    {"sh", "shell script", k_sh, true},
    {"shell", "shell script", k_sh, true},
    {"sql", "SQL", k_sql, true},
    {"sqlite", "SQLite", k_ext_sqlite, true},
    {"svg", "SVG", k_svg, true},
    {"swift", "Swift", k_ext_swift, true},
    {"swp", "Vim swap", k_ext_swp, true},
    {"tex", "LaTeX", k_ext_tex, true},
    {"text", "text", k_txt, true},
    {"tf", "Terraform", k_ext_tf, true},
    {"tgz", "gzipped tar", k_ext_tgz, true},
    {"tmp", "temporary", k_tmp, true},
    {"toml", "TOML", k_toml, true},
    {"ts", "TypeScript", k_ts, true},
    {"tsx", "TSX", k_ext_tsx, true},
    {"ttf", "TrueType font", k_ext_ttf, true},
    {"txt", "text", k_txt, true},
    {"typescript", "TypeScript", k_ts, true},
    {"video", "video", k_video, true},
    {"videos", "video", k_video, false},
    {"vue", "Vue", k_ext_vue, true},
    {"wav", "WAV", k_ext_wav, true},
    {"webm", "WebM", k_ext_webm, true},
    {"webp", "WebP", k_ext_webp, true},
    {"woff", "WOFF font", k_ext_woff, true},
    {"xlsx", "Excel", k_ext_xlsx, true},
    {"xml", "XML", k_xml, true},
    {"yaml", "YAML", k_yaml, true},
    {"yml", "YAML", k_yaml, true},
    {"zip", "zip", k_ext_zip, true},
});

} // namespace

std::optional<FileType> lookup_file_type(std::string_view word)
{
  static_assert(std::is_sorted(k_types.begin(), k_types.end(),
                               [](const FileType& a, const FileType& b) { return a.word < b.word; }));
  const auto found = std::lower_bound(k_types.begin(), k_types.end(), word,
                                      [](const FileType& type, std::string_view key) { return type.word < key; });
  if (found != k_types.end() && found->word == word) {
    return *found;
  }
  return std::nullopt;
}

bool is_file_noun(std::string_view word)
{
  return word == "file" || word == "script" || word == "source" || word == "code" || word == "document" ||
         word == "documents" || word == "image" || word == "sources";
}

} // namespace caro::backends::static_matcher
