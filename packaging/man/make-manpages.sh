#!/bin/sh
# Writes kafka-ops.1 and kafka-ops-console.1 into OUTDIR from the programs' own --help, so the
# pages list every command and option the built binaries have.
#   make-manpages.sh KAFKA_OPS KAFKA_OPS_CONSOLE VERSION OUTDIR
set -eu
OPS=$1; CONSOLE=$2; VERSION=$3; OUT=$4
mkdir -p "$OUT"
DATE=$(date -u +%Y-%m-%d)

# troff-safe text: backslashes and leading dots/quotes
esc() { sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/' -e 's/-/\\-/g'; }

# Options of a Qt help text as .TP entries (continuation lines join the description); options
# named in the file $1 (one per line, as printed) are left out.
options() {
  awk -v skip="${1:-/dev/null}" '
    BEGIN { while ((getline l < skip) > 0) skipped[l] = 1 }
    function flush() { if (opt != "" && !(opt in skipped)) print ".TP\n" opt "\n" desc }
    /^Options:/ { on = 1; next }
    /^Arguments:/ { on = 0 }
    on && /^  -/ {
      flush()
      line = substr($0, 3)
      split(line, parts, /  +/)
      opt = parts[1]; desc = ""
      for (i = 2; i in parts; i++) desc = desc (desc == "" ? "" : " ") parts[i]
      next
    }
    on && /^    / { sub(/^ +/, ""); desc = desc " " $0; next }
    END { flush() }
  ' | esc | sed 's/^\\&\.TP$/.TP/'
}

# The option names of a Qt help text, one per line as printed.
option_names() {
  awk '/^Options:/ { on = 1; next } /^Arguments:/ { on = 0 } on && /^  -/ { line = substr($0, 3); split(line, p, /  +/); print p[1] }'
}

{
  cat <<HDR
.TH KAFKA-OPS 1 "$DATE" "kafka-ops $VERSION" "User Commands"
.SH NAME
kafka-ops \\- Kafka Ops Console on the command line: lag, dead letters, offset resets, profiles
.SH SYNOPSIS
.B kafka-ops
.I COMMAND
.RI [ options ]
.RI [ arguments ]
.br
.B kafka-ops
.B \\-\\-version
.SH DESCRIPTION
.B kafka-ops
runs the engine of
.BR kafka-ops-console (1)
from a shell, a script or cron. Every command connects with
.B \\-\\-bootstrap
.I HOST:PORT
or
.B \\-\\-profile
.I NAME
(a connection saved in the console), takes librdkafka properties with
.B \\-X
.IR key=value ,
prints JSON with
.BR \\-\\-json ,
logs to standard error with
.B \\-v
and leaves out progress lines with
.BR \\-q .
Writes to the cluster (offset resets, requeues, imports) show what they would do first and
need \\fB\\-\\-execute\\fR; a read-only connection refuses them.
.SH OPTIONS OF EVERY COMMAND
HDR
  common=$(mktemp)
  "$OPS" cluster --lang en --help | option_names > "$common"
  "$OPS" cluster --lang en --help | options
  cat <<'CMDS'
.SH COMMANDS
CMDS
  "$OPS" --lang en --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print }' | while read -r cmd summary; do
    help=$("$OPS" "$cmd" --lang en --help)
    usage=$(printf '%s\n' "$help" | sed -n '1s/^Usage: //p')
    printf '.SS "%s"\n' "$(printf '%s' "$usage" | esc)"
    printf '%s\n' "$summary" | esc
    printf '%s\n' "$help" | options "$common"
  done
  rm -f "$common"
  cat <<'TAIL'
.SH EXIT STATUS
.TP
.B 0
Success (alerts: every group OK).
.TP
.B 1
The cluster said no or could not be reached, a file could not be read or written (one line
\fIerror: ...\fR on standard error); alerts: the worst group is WARN.
.TP
.B 2
Problems were found (a requeue with failed records, a profile lint with errors); alerts: a
group is CRITICAL (ERR, STOP, STALL, REWIND).
.TP
.B 3
alerts: UNKNOWN (an unknown or vanished group, a cluster that cannot be reached or refuses the
credentials).
.TP
.B 64
Bad arguments.
.SH ENVIRONMENT
.TP
.B KOPS_PASSWORD
The SASL password of a \fB\-\-profile\fR connection when the system keychain has none.
.TP
.BR XDG_CONFIG_HOME ", " XDG_DATA_HOME ", " XDG_STATE_HOME
Where the files below live (default ~/.config, ~/.local/share, ~/.local/state).
.SH FILES
.TP
.I ~/.config/kafka-ops-console/connections.json
Saved connections (no passwords: those are in the keychain).
.TP
.I ~/.local/share/kafka-ops-console/history.sqlite
Lag history shared with the console (and alerts.sqlite, its alerts).
.TP
.I ~/.local/share/kafka-ops-console/requeue-journal.sqlite
The requeue journal that makes requeues exactly-once and resumable.
.TP
.I ~/.local/share/kafka-ops-console/reset-journal.sqlite
Every offset reset, for undo.
.TP
.I ~/.local/state/kafka-ops-console/kafka-ops-console.log
The log file (rotated).
.SH SEE ALSO
.BR kafka-ops-console (1),
.BR kafka-consumer-groups.sh (1),
.BR kcat (1)
TAIL
} > "$OUT/kafka-ops.1"

{
  cat <<HDR
.TH KAFKA-OPS-CONSOLE 1 "$DATE" "kafka-ops-console $VERSION" "User Commands"
.SH NAME
kafka-ops-console \\- desktop console for Apache Kafka operators
.SH SYNOPSIS
.B kafka-ops-console
.RI [ options ]
.SH DESCRIPTION
.B kafka-ops-console
shows the lag and health of every consumer group over time, browses, filters and requeues dead
letters, resets offsets by time with a preview and undo, and checks producer, consumer, topic
and JVM profiles. All cluster I/O runs off the window's thread; a cluster that cannot be
reached is said so in a banner while the last data stays on screen.
.SH OPTIONS
HDR
  QT_QPA_PLATFORM=offscreen "$CONSOLE" --lang en --help 2>/dev/null | options
  cat <<'TAIL'
.SH FILES
.TP
.I ~/.config/kafka-ops-console/connections.json
Saved connections; passwords go to the system keychain.
.TP
.I ~/.local/share/kafka-ops-console/
Lag history, alerts, the requeue and reset journals (shared with kafka-ops).
.TP
.I ~/.local/state/kafka-ops-console/kafka-ops-console.log
The log file (rotated).
.SH SEE ALSO
.BR kafka-ops (1)
TAIL
} > "$OUT/kafka-ops-console.1"
