/// The argument parser's completion scripts, adjusted where actplot's command line is not the
/// parser's model of one.
///
/// * plot is the default command: `actplot gelu --ra<Tab>` completes plot's options, and the
///   first word offers functions as well as commands.
/// * bash splits words at `:` (COMP_WORDBREAKS), so `gelu:appro<Tab>` completed nothing: the
///   pieces are joined back before completing, and the part up to the last `:` taken off the
///   replies, as bash-completion's `__ltrim_colon_completions` does.
enum CompletionScript {
    /// The script for `shell`, adjusted (bash; zsh and fish pass through).
    static func adjusted(_ script: String, shell: String) -> String {
        shell == "bash" ? bash(script) : script
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
        let commands = "plot compare eval info stats precision list help"
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
