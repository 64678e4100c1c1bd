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
    {"pyc", "compiled Python", k_ext_pyc, true},
    {"class", "Java class", k_ext_class, true},
    {"jar", "Java archive", k_ext_jar, true},
    {"kt", "Kotlin", k_ext_kt, true},
    {"swift", "Swift", k_ext_swift, true},
    {"scala", "Scala", k_ext_scala, true},
    {"lua", "Lua", k_ext_lua, true},
    {"jsx", "JSX", k_ext_jsx, true},
    {"tsx", "TSX", k_ext_tsx, true},
    {"vue", "Vue", k_ext_vue, true},
    {"scss", "SCSS", k_ext_scss, true},
    {"sass", "Sass", k_ext_sass, true},
    {"tex", "LaTeX", k_ext_tex, true},
    {"rst", "reStructuredText", k_ext_rst, true},
    {"proto", "Protocol Buffers", k_ext_proto, true},
    {"tf", "Terraform", k_ext_tf, true},
    {"conf", "configuration", k_ext_conf, true},
    {"cfg", "configuration", k_ext_cfg, true},
    {"ini", "INI", k_ext_ini, true},
    {"swp", "Vim swap", k_ext_swp, true},
    {"orig", "merge leftover", k_ext_orig, true},
    {"rej", "rejected patch", k_ext_rej, true},
    {"zip", "zip", k_ext_zip, true},
    {"gz", "gzip", k_ext_gz, true},
    {"tgz", "gzipped tar", k_ext_tgz, true},
    {"iso", "ISO image", k_ext_iso, true},
    {"docx", "Word", k_ext_docx, true},
    {"xlsx", "Excel", k_ext_xlsx, true},
    {"pptx", "PowerPoint", k_ext_pptx, true},
    {"odt", "OpenDocument text", k_ext_odt, true},
    {"epub", "EPUB", k_ext_epub, true},
    {"wav", "WAV", k_ext_wav, true},
    {"flac", "FLAC", k_ext_flac, true},
    {"mkv", "Matroska", k_ext_mkv, true},
    {"mov", "QuickTime", k_ext_mov, true},
    {"webm", "WebM", k_ext_webm, true},
    {"webp", "WebP", k_ext_webp, true},
    {"bmp", "BMP", k_ext_bmp, true},
    {"ico", "icon", k_ext_ico, true},
    {"ttf", "TrueType font", k_ext_ttf, true},
    {"woff", "WOFF font", k_ext_woff, true},
    {"sqlite", "SQLite", k_ext_sqlite, true},
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
