#!/usr/bin/env bash
# The multi-host path of man mlm-scale(7), for real: an OpenSSH server on a
# loopback port with throwaway keys, two host aliases for it in a private ssh
# config, and GNU parallel sending shards to both (--transfer, --return) to run
# `--partial` there; `merge` of what comes back must equal one pass over the
# whole file (mlm-entropy counts and mlm-pca moments).
#
#   multihost.sh BIN_DIR [DATA_DIR]
#
# Touches no system ssh configuration and no ~/.ssh: every file lives in a temp
# dir, and ssh is always run with -F. The server is stopped on every exit.
# Status 77 (ctest's SKIP_RETURN_CODE) when sshd is not installed.
set -euo pipefail
bin=$(cd "$1" && pwd)
examples=$(cd "$(dirname "$0")/../../examples" && pwd)
data=$(cd "${2:-$examples/data}" && pwd)
SSHD=${SSHD:-/usr/sbin/sshd}
if [ ! -x "$SSHD" ]; then
    echo "multihost: SKIP: $SSHD not installed (apt-get install openssh-server)"
    exit 77
fi
for c in ssh ssh-keygen parallel rsync timeout; do
    command -v "$c" >/dev/null || { echo "multihost: '$c' not found (make deps installs it)" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mlm-multihost.XXXXXX")
sshd_pid=
stop() {
    if [ -f "$tmp/ssh_config" ]; then  # the shared connections, if any are open
        for h in mlm-host-a mlm-host-b; do ssh -F "$tmp/ssh_config" -O exit "$h" 2>/dev/null || true; done
    fi
    if [ -n "$sshd_pid" ]; then kill "$sshd_pid" 2>/dev/null || true; wait "$sshd_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 130' INT TERM
# sshd's StrictModes wants the key files unreadable by others; the temp dir is
# ours alone (700). The server runs as this user, so it can only log in this user.
chmod 700 "$tmp"
user=$(id -un)
# parallel's own cache of facts about hosts goes in the temp dir too.
export PARALLEL_HOME=$tmp/parallel_home
mkdir "$PARALLEL_HOME"

ssh-keygen -q -t ed25519 -N '' -C mlm-multihost-host -f "$tmp/host_key"
ssh-keygen -q -t ed25519 -N '' -C mlm-multihost-user -f "$tmp/user_key"
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"

# Running as root (CI does), sshd needs its privilege-separation directory, which
# the ssh service would create at boot.
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then mkdir -p -m 755 /run/sshd; fi

write_sshd_config() {
    cat >"$tmp/sshd_config" <<CFG
ListenAddress 127.0.0.1
Port $1
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
# The temp dir sits under /tmp (world-writable, sticky), which StrictModes
# rejects as a parent of authorized_keys; the files themselves are 600 in a 700 dir.
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers $user
UsePAM no
X11Forwarding no
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
CFG
}

# A free port: pick one at random, let sshd try to bind it, retry on failure.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=
for attempt in 1 2 3 4 5 6 7 8; do
    candidate=$((20000 + RANDOM % 40000))
    listening "$candidate" && continue
    write_sshd_config "$candidate"
    "$SSHD" -t -f "$tmp/sshd_config"
    "$SSHD" -D -e -f "$tmp/sshd_config" 2>>"$tmp/sshd.log" &
    sshd_pid=$!
    for _ in $(seq 50); do
        listening "$candidate" && { port=$candidate; break; }
        kill -0 "$sshd_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$port" ] && break
    kill "$sshd_pid" 2>/dev/null || true
    wait "$sshd_pid" 2>/dev/null || true
    sshd_pid=
done
if [ -z "$port" ]; then
    echo "multihost: sshd did not start on a loopback port:" >&2
    cat "$tmp/sshd.log" >&2
    exit 1
fi

# Two host aliases for the one server: parallel treats them as two machines.
echo "[127.0.0.1]:$port $(cut -d' ' -f1-2 "$tmp/host_key.pub")" >"$tmp/known_hosts"
cat >"$tmp/ssh_config" <<CFG
Host mlm-host-a mlm-host-b
    HostName 127.0.0.1
    Port $port
    User $user
    IdentityFile $tmp/user_key
    IdentitiesOnly yes
    UserKnownHostsFile $tmp/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    CheckHostIP no
    BatchMode yes
    ConnectTimeout 10
    LogLevel ERROR
    # One connection per host, shared by the logins parallel makes for each
    # shard (send, run, return, clean up): seconds instead of a minute.
    ControlMaster auto
    ControlPath $tmp/cm-%C
    ControlPersist 60
CFG
ssh_cmd="ssh -F $tmp/ssh_config"
for h in mlm-host-a mlm-host-b; do
    if ! timeout 30 $ssh_cmd "$h" true; then
        echo "multihost: cannot log in to $h (127.0.0.1:$port); sshd said:" >&2
        cat "$tmp/sshd.log" >&2
        exit 1
    fi
done
echo "multihost: sshd on 127.0.0.1:$port, hosts mlm-host-a and mlm-host-b"

# Shards of the shipped wine table, each a CSV with the header.
mkdir "$tmp/local" "$tmp/remote"
cd "$tmp/local"
. "$examples/shard.sh"  # shard FILE N PREFIX: split -n l/N, header on each
shard "$data/wine.csv" 4 shard_

# --transfer copies each shard to the host's work dir, the command runs there,
# --return brings the partial back, --cleanup removes both from the host.
remote() {  # remote CMD: CMD on every shard, {} the shard, {.}.json its partial
    timeout 120 parallel --will-cite --ssh "$ssh_cmd" -S 1/mlm-host-a,1/mlm-host-b \
        --workdir "$tmp/remote" --transfer --return '{.}.json' --cleanup \
        --joblog "$tmp/joblog" "$1" ::: shard_*.csv
    local hosts
    hosts=$(awk 'NR > 1 { print $2 }' "$tmp/joblog" | sort -u | tr '\n' ' ')
    echo "multihost: $(ls shard_*.json | wc -l) partials returned, run on: $hosts"
    case $hosts in
        *mlm-host-a*mlm-host-b*) ;;
        *) echo "multihost: the shards did not go to both hosts" >&2; exit 1 ;;
    esac
}

failed=0
same() {  # same WHAT MERGED SINGLE
    if cmp -s "$2" "$3"; then
        echo "multihost: $1: merged equals the single pass: $(tail -1 "$2")"
    else
        echo "multihost: $1: merged differs from the single pass:" >&2
        diff "$2" "$3" >&2 || true
        failed=1
    fi
}

remote "$bin/mlm-entropy values -c class --partial {} > {.}.json"
"$bin/mlm-entropy" merge shard_*.json >"$tmp/entropy.merged"
"$bin/mlm-entropy" values -c class "$data/wine.csv" >"$tmp/entropy.single"
same "entropy of class" "$tmp/entropy.merged" "$tmp/entropy.single"
rm shard_*.json

remote "$bin/mlm-pca --partial --keep class {} > {.}.json"
"$bin/mlm-pca" merge --standardize -k 3 --emit summary --precision 10 shard_*.json >"$tmp/pca.merged"
"$bin/mlm-pca" --standardize -k 3 --emit summary --precision 10 --keep class "$data/wine.csv" >"$tmp/pca.single"
same "PCA variance explained" "$tmp/pca.merged" "$tmp/pca.single"

# No files at all: --pipepart cuts the whole file into blocks at line ends
# (--header : repeats the header), sends each to a host on ssh's stdin, and the
# job prints its partial on one line (tr: JSON's newlines are all whitespace);
# the lines come back on parallel's stdout.
rm -f shard_*.json
timeout 120 parallel --will-cite --ssh "$ssh_cmd" -S 1/mlm-host-a,1/mlm-host-b --joblog "$tmp/joblog" \
    --pipepart -a "$data/wine.csv" --header : --block -2 \
    "$bin/mlm-entropy values -c class --partial | tr -d '\\n'; echo" >partials.jsonl
echo "multihost: --pipepart: $(wc -l <partials.jsonl) partials returned on stdout, run on: $(awk 'NR > 1 { print $2 }' "$tmp/joblog" | sort -u | tr '\n' ' ')"
split -l 1 partials.jsonl part_
"$bin/mlm-entropy" merge part_* >"$tmp/entropy.piped"
same "entropy of class, --pipepart" "$tmp/entropy.piped" "$tmp/entropy.single"

[ ! -d "$tmp/remote" ] || [ -z "$(ls -A "$tmp/remote")" ] || { echo "multihost: --cleanup left files on the host: $(ls "$tmp/remote")" >&2; failed=1; }
exit "$failed"
