#!/bin/sh
# make man: the argument definitions as generate-manual reads them (`--experimental-dump-help`),
# with the help text's non-ASCII symbols as @name@ tokens: generate-manual drops every
# non-ASCII character, so the Makefile turns the tokens into groff escapes afterwards.
exec "${ACTPLOT:-.build/release/actplot}" "$@" |
    sed -e 's/′/@fm@/g; s/″/@sd@/g; s/−/@mi@/g; s/±/@pm@/g; s/∞/@if@/g; s/×/@mu@/g; s/…/@ellipsis@/g; s/—/@em@/g'
