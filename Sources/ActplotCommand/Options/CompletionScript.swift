/// The argument parser's completion scripts, adjusted where actplot's command line is not the
/// parser's model of one.
///
/// * plot is the default command: `actplot gelu --ra<Tab>` completes plot's options, and the
///   first word offers functions as well as commands (bash, zsh and fish).
/// * zsh's `_describe` splits names at `:`: the function lists escape it.
/// * bash splits words at `:` (COMP_WORDBREAKS), so `gelu:appro<Tab>` completed nothing: the
///   pieces are joined back before completing, and the part up to the last `:` taken off the
///   replies, as bash-completion's `__ltrim_colon_completions` does.
enum CompletionScript {
    /// The script for `shell`, adjusted.
    static func adjusted(_ script: String, shell: String) -> String {
        switch shell {
        case "bash": bash(script)
        case "zsh": zsh(script)
        case "fish": fish(script)
        default: script
        }
    }

    /// The zsh script with the default command, and with `:` escaped in offered names:
    /// `_describe` reads `gelu:approximate=` as the name `gelu` with the description
    /// `approximate=`.
    static func zsh(_ script: String) -> String {
        var text = script
        // Only the function lists hold ':'; option arrays and specs are left as they are.
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("    local -ar _FUNCTION=(") else { return String(line) }
            return String(line.replacing(":", with: "\\:"))
        }.joined(separator: "\n")
        text = text.replacing(
            """
                    _describe -V subcommand subcommands && ret=0
                    ;;
            """,
            with: """
                        _describe -V subcommand subcommands && ret=0
                        # plot is the default command: the first word may also be a function.
                        words=(plot "${(@)words[2,-1]}")
                        CURRENT=2
                        _actplot_plot && ret=0
                        ;;
                """)
        text = text.replacing(
            """
                        "_actplot_${words[1]}" && ret=0
                        ;;
                    esac
            """,
            with: """
                            "_actplot_${words[1]}" && ret=0
                            ;;
                        *)
                            # plot is the default command: a first word that is no command is its function.
                            words=(plot "${words[@]}")
                            ((CURRENT++))
                            _actplot_plot && ret=0
                            ;;
                        esac
                """)
        return text
    }

    /// The fish script with the default command: words after a function that is no command
    /// are parsed as plot's, and the first word offers functions as well as commands.
    static func fish(_ script: String) -> String {
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let plot = lines.firstIndex(of: "        case 'plot'"), plot + 1 < lines.count,
            let functions = lines.first(where: {
                $0.hasPrefix(
                    "complete -c 'actplot' -n '__actplot_should_offer_completions_for_positional \"actplot plot\""
                )
            })
        else { return script }
        var out = lines
        let parse = lines[plot + 1]
        guard let end = lines[(plot + 1)...].firstIndex(of: "        end") else { return script }
        // A function as the first word (not the empty word being completed) starts plot's words.
        out.insert(
            contentsOf: [
                "        case '*'", "            if set -q unparsed_tokens[1]",
                "                set -p unparsed_tokens plot", "    " + parse, "            end",
            ], at: end)
        let first = functions.replacing(
            "'__actplot_should_offer_completions_for_positional \"actplot plot\" -ge 1'",
            with: "'__actplot_should_offer_completions_for_positional \"actplot\" -eq 1'")
        out.append(first)
        return out.joined(separator: "\n")
    }

    /// The bash script with the default command and `:` handled.
    static func bash(_ script: String) -> String {
        var text = script
        text = text.replacing(
            """
                local -r cur="${2}"
                local -r prev="${3}"
            """,
            with: """
                    # bash splits words at ':': join 'gelu' ':' 'appro' back into 'gelu:appro'.
                    local -a __actplot_words=()
                    local -i __actplot_cword=0 __actplot_i
                    for ((__actplot_i = 0; __actplot_i < ${#COMP_WORDS[@]}; __actplot_i++)); do
                        local __actplot_piece="${COMP_WORDS[__actplot_i]}"
                        local -i __actplot_n=${#__actplot_words[@]}
                        if ((__actplot_n > 1)) && [[ "${__actplot_piece}" == ":" || "${__actplot_words[__actplot_n - 1]}" == *: ]]; then
                            __actplot_words[__actplot_n - 1]+="${__actplot_piece}"
                        else
                            __actplot_words+=("${__actplot_piece}")
                        fi
                        ((__actplot_i == COMP_CWORD)) && __actplot_cword=$((${#__actplot_words[@]} - 1))
                    done
                    local -r cur="${__actplot_words[__actplot_cword]}"
                    local -r prev="${__actplot_words[__actplot_cword - 1]}"
                """)
        text = text.replacing(
            #"    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")"#,
            with: #"    local -a unparsed_words=("${__actplot_words[@]:1:${__actplot_cword}}")"#)
        // The subcommands in the order the argument parser lists them, as its script has them.
        let commands = (Actplot.commands.compactMap { $0.configuration.commandName } + ["help"]).joined(
            separator: " ")
        text = text.replacing(
            """
                *)
                    # Offer subcommand completions
                    COMPREPLY+=($(compgen -W '\(commands)' -- "${cur}"))
                    ;;
                esac
            }
            """,
            with: """
                    *)
                        # plot is the default command: a first word that is no command is its function.
                        if ((${#unparsed_words[@]} == 0)); then
                            COMPREPLY+=($(compgen -W '\(commands)' -- "${cur}"))
                        fi
                        unparsed_words=("${subcommand}" "${unparsed_words[@]}")
                        _actplot_plot
                        ;;
                    esac
                    # Replies to a word with ':' lose the part up to its last ':', which bash keeps.
                    if [[ "${cur}" == *:* ]]; then
                        local -r __actplot_prefix="${cur%"${cur##*:}"}"
                        COMPREPLY=("${COMPREPLY[@]#"${__actplot_prefix}"}")
                    fi
                }
                """)
        return text
    }
}
