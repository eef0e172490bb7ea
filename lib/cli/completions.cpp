#include "cli/completions.hpp"

#include "error.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>

namespace mlm::cli {

namespace {

bool is_one_of(const std::string& s, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return s == n; });
}

// The words of the first "{a,b,c}" or "{a->1,b->2}" in a validator's description.
std::vector<std::string> set_words(const std::string& description) {
    std::vector<std::string> words;
    std::size_t open = description.find('{'), close = description.find('}', open);
    if (open == std::string::npos || close == std::string::npos) return words;
    std::stringstream items(description.substr(open + 1, close - open - 1));
    for (std::string item; std::getline(items, item, ',');) {
        item = item.substr(0, item.find("->"));
        if (!item.empty() && item.find(' ') == std::string::npos) words.push_back(item);
    }
    return words;
}

// The lowercase words of a value name like "N|auto".
std::vector<std::string> alternatives(const std::string& type_name) {
    std::vector<std::string> words;
    if (type_name.find('|') == std::string::npos) return words;
    std::stringstream parts(type_name);
    for (std::string w; std::getline(parts, w, '|');)
        if (!w.empty() && std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            words.push_back(w);
    return words;
}

OptionSpec describe_option(CLI::Option& opt) {
    OptionSpec o;
    for (const auto& s : opt.get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) o.names.push_back("--" + l);
    o.help = opt.get_description();
    o.takes_value = opt.get_type_size_max() > 0 && opt.get_expected_max() > 0;
    if (!o.takes_value) return o;
    const std::string type = opt.get_type_name();
    for (int i = 0;; ++i) {
        try {
            auto words = set_words(opt.get_validator(i)->get_description());
            o.words.insert(o.words.end(), words.begin(), words.end());
        } catch (const CLI::OptionNotFound&) {
            break;
        }
    }
    auto alt = alternatives(type);
    o.words.insert(o.words.end(), alt.begin(), alt.end());
    if (!o.words.empty()) o.kind = ValueKind::words;
    else if (is_one_of(type, {"FILE", "PATH", "DIR", "MODEL"})) o.kind = ValueKind::file;
    else if (is_one_of(type, {"COL", "COLS", "LIST", "COLUMN", "COLUMNS"})) o.kind = ValueKind::column;
    return o;
}

void describe(CLI::App& app, const std::string& path, std::vector<CommandSpec>& out) {
    CommandSpec c;
    c.path = path;
    for (CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty() && !opt->get_positional()) continue;  // hidden
        if (opt->get_positional()) {
            c.takes_files = true;
            continue;
        }
        c.options.push_back(describe_option(*opt));
    }
    auto subs = app.get_subcommands([](CLI::App*) { return true; });
    for (CLI::App* sub : subs) c.subcommands.emplace_back(sub->get_name(), sub->get_description());
    out.push_back(std::move(c));
    for (CLI::App* sub : subs) describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

// The shell function name for a tool: mlm-kl -> _mlm_kl.
std::string function_name(const std::string& tool) {
    std::string f = "_" + tool;
    std::replace(f.begin(), f.end(), '-', '_');
    return f;
}

std::string join(const std::vector<std::string>& words, const std::string& sep = " ") {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : sep) + w;
    return s;
}

// Single-quoted for the shells: ' becomes '\''.
std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// The header-reading snippet shared by bash and zsh: the first line of the
// last readable file on the line, decompressed when it is, split on , and tab.
const char* header_names =
    "  case $f in\n"
    "    *.gz) h=$(gzip -dc -- \"$f\" 2>/dev/null | head -n 1) ;;\n"
    "    *.zst) h=$(zstd -dc -- \"$f\" 2>/dev/null | head -n 1) ;;\n"
    "    *) h=$(head -n 1 -- \"$f\" 2>/dev/null) ;;\n"
    "  esac\n"
    "  case $h in '{'*|'['*) return ;; esac  # JSON: not cheap to name\n"
    "  h=$(printf '%s\\n' \"$h\" | tr -d '\\r\"' | tr ',\\t' '\\n\\n')\n";

// The loop that finds the subcommand and the last file on the line.
std::string scan_words(const std::vector<CommandSpec>& commands, const std::string& words_expr) {
    std::string s = "  for w in " + words_expr + "; do\n    case \"$cmd|$w\" in\n";
    for (const auto& c : commands)
        for (const auto& [name, help] : c.subcommands)
            s += "      " + quote(c.path + "|" + name) + ") cmd=" + quote(c.path.empty() ? name : c.path + " " + name) +
                 " ; continue ;;\n";
    s += "    esac\n    [[ $w != -* && -f $w ]] && f=$w\n  done\n";
    return s;
}

std::string bash_script(const std::vector<CommandSpec>& commands, const std::string& tool) {
    const std::string fn = function_name(tool);
    std::ostringstream s;
    s << "# bash completion for " << tool << ", generated by `" << tool << " --completions bash`\n\n"
      << fn << "_columns() {\n  local f=$1 cur=$2 h prefix=\n  [[ -r $f ]] || return\n" << header_names
      << "  [[ $cur == *,* ]] && prefix=${cur%,*}, && cur=${cur##*,}\n"
      << "  local IFS=$'\\n'\n  COMPREPLY=($(compgen -P \"$prefix\" -W \"$h\" -- \"$cur\"))\n}\n\n"
      << fn << "() {\n  local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= f= w i\n"
      << "  (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "  # --opt=value: bash splits at the =\n"
      << "  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then "
         "prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
      << scan_words(commands, "\"${COMP_WORDS[@]:1:COMP_CWORD-1}\"")
      << "  case \"$cmd|$prev\" in\n";
    for (const auto& c : commands)
        for (const auto& o : c.options) {
            if (!o.takes_value) continue;
            std::vector<std::string> keys;
            for (const auto& n : o.names) keys.push_back(quote(c.path + "|" + n));
            s << "    " << join(keys, "|") << ")\n      ";
            switch (o.kind) {
            case ValueKind::words:
                s << "COMPREPLY=($(compgen -W " << quote(join(o.words)) << " -- \"$cur\")) ;;\n";
                break;
            case ValueKind::file: s << "COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"; break;
            case ValueKind::column: s << fn << "_columns \"$f\" \"$cur\" ;;\n"; break;
            case ValueKind::none: s << "COMPREPLY=() ;;\n"; break;
            }
        }
    s << "    *)\n      local opts= subs= files=\n      case $cmd in\n";
    for (const auto& c : commands) {
        std::vector<std::string> names, subs;
        for (const auto& o : c.options) names.insert(names.end(), o.names.begin(), o.names.end());
        for (const auto& sub : c.subcommands) subs.push_back(sub.first);
        s << "        " << quote(c.path) << ") opts=" << quote(join(names)) << " subs=" << quote(join(subs))
          << " files=" << (c.takes_files ? "1" : "") << " ;;\n";
    }
    s << "      esac\n"
      << "      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
      << "      else\n        COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
      << "        [[ -n $files ]] && COMPREPLY+=($(compgen -f -- \"$cur\"))\n      fi ;;\n"
      << "  esac\n}\ncomplete -o filenames -o bashdefault -F " << fn << " " << tool << "\n";
    return s.str();
}

// zsh's _arguments wants [ ] : and \ escaped in descriptions.
std::string zsh_escape(const std::string& s) {
    std::string e;
    for (char c : s) {
        if (c == '[' || c == ']' || c == ':' || c == '\\') e += '\\';
        e += c;
    }
    return e;
}

std::string zsh_script(const std::vector<CommandSpec>& commands, const std::string& tool) {
    const std::string fn = function_name(tool);
    std::ostringstream s;
    s << "#compdef " << tool << "\n# zsh completion for " << tool << ", generated by `" << tool
      << " --completions zsh`\n\n"
      << fn << "_columns() {\n  local f=$1 h\n  [[ -r $f ]] || return 1\n" << header_names
      << "  compset -P '*,'\n  compadd -S '' -- ${(f)h}\n}\n\n"
      << fn << "() {\n  local cmd= f= w\n" << scan_words(commands, "${words[2,CURRENT-1]}")
      << "  case $cmd in\n";
    for (const auto& c : commands) {
        s << "    " << quote(c.path) << ")\n      _arguments -s";
        for (const auto& o : c.options) {
            std::string action;
            if (o.takes_value) {
                switch (o.kind) {
                case ValueKind::words: action = ":value:(" + join(o.words) + ")"; break;
                case ValueKind::file: action = ":file:_files"; break;
                case ValueKind::column: action = ":column:{" + fn + "_columns \"$f\"}"; break;
                case ValueKind::none: action = ":value: "; break;
                }
            }
            for (const auto& n : o.names) s << " \\\n        " << quote(n + "[" + zsh_escape(o.help) + "]" + action);
        }
        if (!c.subcommands.empty()) {
            std::vector<std::string> subs;
            for (const auto& [name, help] : c.subcommands) subs.push_back(name + "\\:" + zsh_escape(help));
            s << " \\\n        " << quote("1:command:((" + join(subs) + "))");
        }
        if (c.takes_files) s << " \\\n        '*:file:_files'";
        s << " ;;\n";
    }
    s << "  esac\n}\n\n" << fn << " \"$@\"\n";
    return s.str();
}

std::string fish_script(const std::vector<CommandSpec>& commands, const std::string& tool) {
    const std::string fn = function_name(tool);
    std::ostringstream s;
    s << "# fish completion for " << tool << ", generated by `" << tool << " --completions fish`\n\n"
      << "function _" << fn << "_command\n  set -l cmd ''\n  for w in (commandline -opc)[2..-1]\n"
      << "    switch \"$cmd|$w\"\n";
    for (const auto& c : commands)
        for (const auto& [name, help] : c.subcommands)
            s << "      case " << quote(c.path + "|" + name) << "\n        set cmd "
              << quote(c.path.empty() ? name : c.path + " " + name) << "\n";
    s << "    end\n  end\n  echo $cmd\nend\n\n"
      << "function _" << fn << "_columns\n  set -l f\n"
      << "  for w in (commandline -opc)[2..-1]\n    if string match -qv -- '-*' $w; and test -f $w\n"
      << "      set f $w\n    end\n  end\n  test -n \"$f\" -a -r \"$f\"; or return\n  set -l h\n"
      << "  switch $f\n    case '*.gz'\n      set h (gzip -dc -- $f 2>/dev/null | head -n 1)\n"
      << "    case '*.zst'\n      set h (zstd -dc -- $f 2>/dev/null | head -n 1)\n"
      << "    case '*'\n      set h (head -n 1 -- $f 2>/dev/null)\n  end\n"
      << "  string match -qr '^[\\[{]' -- \"$h\"; and return\n"
      << "  set -l cur (commandline -ct)\n  set -l prefix (string replace -r '[^,]*$' '' -- $cur)\n"
      << "  for n in (string split -- , (string replace -a \\t , (string replace -a '\"' '' (string trim -c \\r -- \"$h\"))))\n"
      << "    echo $prefix$n\n  end\nend\n\n"
      << "complete -c " << tool << " -e\n";
    for (const auto& c : commands) {
        const std::string when = " -n " + quote("test \"$(_" + fn + "_command)\" = " + quote(c.path));
        s << "complete -c " << tool << when << (c.takes_files ? "" : " -f") << "\n";
        for (const auto& [name, help] : c.subcommands)
            s << "complete -c " << tool << when << " -a " << quote(name) << " -d " << quote(help) << "\n";
        for (const auto& o : c.options) {
            s << "complete -c " << tool << when;
            for (const auto& n : o.names) s << (n.size() == 2 ? " -s " : " -l ") << n.substr(n[1] == '-' ? 2 : 1);
            if (o.takes_value) {
                switch (o.kind) {
                case ValueKind::words: s << " -x -a " << quote(join(o.words)); break;
                case ValueKind::file: s << " -r -F"; break;
                case ValueKind::column: s << " -x -a '(_" << fn << "_columns)'"; break;
                case ValueKind::none: s << " -x"; break;
                }
            }
            s << " -d " << quote(o.help) << "\n";
        }
    }
    return s.str();
}

// The words after `mlm TOOL` go to _mlm_TOOL as `mlm-TOOL ...`; the tool's
// script is loaded on first use, by bash-completion's loader where there is
// one, else from the directory mlm's own script was read from.
const char* bash_front_door =
    "\n# mlm TOOL ARGS...: the tool's own completion, on the line mlm-TOOL ARGS...\n"
    "_mlm_front() {\n"
    "  local tool=${COMP_WORDS[1]}\n"
    "  if (( COMP_CWORD < 2 )) || [[ $tool == -* ]]; then _mlm; return; fi\n"
    "  if [[ $tool == help ]]; then\n"
    "    (( COMP_CWORD == 2 )) || return\n"
    "    local COMP_WORDS=(mlm \"${COMP_WORDS[2]}\") COMP_CWORD=1\n"
    "    _mlm; return\n"
    "  fi\n"
    "  [[ $tool =~ ^[a-z0-9][a-z0-9-]*$ ]] || return\n"
    "  local fn=_mlm_${tool//-/_}\n"
    "  if ! declare -F \"$fn\" >/dev/null; then\n"
    "    declare -F _completion_loader >/dev/null && _completion_loader \"mlm-$tool\" >/dev/null 2>&1\n"
    "    local own=${BASH_SOURCE[0]%/*}\n"
    "    declare -F \"$fn\" >/dev/null || { [[ -r $own/mlm-$tool ]] && source \"$own/mlm-$tool\"; }\n"
    "    declare -F \"$fn\" >/dev/null || return\n"
    "  fi\n"
    "  local COMP_WORDS=(\"mlm-$tool\" \"${COMP_WORDS[@]:2}\") COMP_CWORD=$((COMP_CWORD - 1))\n"
    "  \"$fn\"\n"
    "}\n"
    "complete -o filenames -o bashdefault -F _mlm_front mlm\n";

// zsh's own way (as _precommand does): drop `mlm`, rename the tool, _normal.
const char* zsh_front_door =
    "# mlm TOOL ARGS...: the tool's own completion, on the line mlm-TOOL ARGS...\n"
    "_mlm_front() {\n"
    "  if (( CURRENT > 2 )) && [[ $words[2] != -* ]]; then\n"
    "    if [[ $words[2] == help ]]; then\n"
    "      (( CURRENT == 3 )) || return 1\n"
    "      words=(mlm \"$words[3]\"); CURRENT=2\n"
    "      _mlm; return\n"
    "    fi\n"
    "    words=(\"mlm-$words[2]\" \"${(@)words[3,-1]}\"); (( CURRENT-- ))\n"
    "    _normal; return\n"
    "  fi\n"
    "  _mlm \"$@\"\n"
    "}\n\n"
    "_mlm_front \"$@\"\n";

// fish completes the rewritten line with `complete -C`, which loads the
// tool's completions from fish's own path.
const char* fish_front_door =
    "\n# mlm TOOL ARGS...: the tool's own completion, on the line mlm-TOOL ARGS...\n"
    "function __mlm_front\n"
    "  set -l words (commandline -opc)\n"
    "  set -l line mlm-$words[2]\n"
    "  for w in $words[3..-1]\n"
    "    set line \"$line \"(string escape -- $w)\n"
    "  end\n"
    "  complete -C \"$line \"(commandline -ct)\n"
    "end\n"
    "complete -c mlm -n 'set -l w (commandline -opc); test (count $w) -ge 2; and string match -qvr -- \"^-|^help\\$\" $w[2]'"
    " -x -a '(__mlm_front)'\n";

}  // namespace

std::vector<CommandSpec> describe_commands(CLI::App& app) {
    std::vector<CommandSpec> out;
    describe(app, "", out);
    return out;
}

std::string completion_script(CLI::App& app, const std::string& tool, const std::string& shell) {
    auto commands = describe_commands(app);
    if (shell == "bash") return bash_script(commands, tool);
    if (shell == "zsh") return zsh_script(commands, tool);
    if (shell == "fish") return fish_script(commands, tool);
    throw UsageError("--completions: no shell '" + shell + "' (bash, zsh or fish)");
}

std::string front_door_completion_script(CLI::App& app, const std::string& shell) {
    std::string script = completion_script(app, "mlm", shell);
    const auto commands = describe_commands(app);
    std::vector<std::string> tools;
    for (const auto& [name, help] : commands.front().subcommands) tools.push_back(name);
    // The tool's script takes over after its name, so each ends by registering
    // the front door instead of the plain one.
    auto without_last_line = [&] { script.erase(script.rfind('\n', script.size() - 2) + 1); };
    if (shell == "bash") {
        without_last_line();
        return script + bash_front_door;
    }
    if (shell == "zsh") {
        without_last_line();
        return script + zsh_front_door;
    }
    return script + fish_front_door + "complete -c mlm -n " +
           quote("set -l w (commandline -opc); test (count $w) -eq 2 -a \"$w[2]\" = help") + " -x -a " +
           quote(join(tools)) + "\n";
}

}  // namespace mlm::cli
