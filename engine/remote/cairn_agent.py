# Cairn's agent for remote and cluster jobs (docs/executors.md, "The agent protocol").
#
# Cairn copies this file to WORKDIR/.cairn/agent-<sha256 prefix>.py on the far side (an ssh host,
# a Slurm login node, or this machine for a local Slurm) and runs it there with the configured
# Python. Nothing else is installed. Standard library only; Python 3.6 or newer.
#
# Each command but `follow` prints one JSON object on stdout and exits 0, or prints
# {"error": CODE, "message": TEXT} and exits 3. Commands:
#   probe WORKDIR                     python, host, free disk, GPUs (nvidia-smi), Slurm partitions (sinfo)
#   prepare WORKDIR RUN MIRROR        RUNDIR=WORKDIR/RUN, RUNDIR/work = a hard-linked copy of the mirror
#   start RUNDIR                      starts the job from the spec JSON on stdin (idempotent)
#   follow RUNDIR OFFSETS             streams the run's files from OFFSETS (JSON {name: bytes}) as frames
#   cancel RUNDIR                     stops the job's process tree (or scancels its Slurm job)
#   changed RUNDIR                    files the job created or changed under RUNDIR/work
#   batch RUNDIR / task RUNDIR        internal: the Slurm batch step and one srun task
#
# Frames of `follow` (binary safe; one frame after another on stdout):
#   D NAME OFFSET LENGTH\n<LENGTH bytes>     bytes of file NAME from OFFSET
#   S {json}\n                               state: {"state", "reason", "nodes", "pid", "job", "restarts", ...}
#   K {json}\n                               keepalive (every 2 s without other frames), same fields as S
#   E {json}\n                               the job has ended and every file is sent: {"exit_code", "signal", "state", "reason"}
import errno
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

FOLLOWED = re.compile(r"^(stdout(\.rank\d+)?\.log|stderr(\.rank\d+)?\.log|metrics\.jsonl|slurm\.out|node\.[A-Za-z0-9_.-]+\.log)$")
CHUNK = 256 * 1024
HEARTBEAT_S = 2.0
MIN_FREE_BYTES = 64 * 1024 * 1024
TERMINAL = {"COMPLETED", "FAILED", "TIMEOUT", "CANCELLED", "OUT_OF_MEMORY", "NODE_FAIL", "BOOT_FAIL",
            "DEADLINE", "PREEMPTED", "SPECIAL_EXIT", "REVOKED"}


class AgentError(Exception):
    def __init__(self, code, message):
        Exception.__init__(self, message)
        self.code = code
        self.message = message


def now_ms():
    return int(time.time() * 1000)


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def write_json(path, obj):
    tmp = path + ".tmp%d" % os.getpid()
    try:
        with open(tmp, "w") as f:
            json.dump(obj, f)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise AgentError("disk_full", "no space left on %s (%s)" % (socket.gethostname(), os.path.dirname(path)))
        raise


def read_json(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def check_space(path):
    st = os.statvfs(path)
    free = st.f_bavail * st.f_frsize
    if free < MIN_FREE_BYTES:
        raise AgentError("disk_full", "only %d MiB free in %s on %s" % (free // (1024 * 1024), path, socket.gethostname()))
    return free


def pid_alive(pid):
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except OSError as e:
        return e.errno == errno.EPERM
    try:  # a zombie is not alive
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def descendants(pid):
    """Every descendant of pid, found through /proc (Linux); children first is not guaranteed."""
    children = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for e in entries:
        if not e.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % e) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(e))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def signal_tree(pgid, pid, sig):
    for p in [pid] + descendants(pid):
        try:
            os.kill(p, sig)
        except OSError:
            pass
    try:
        os.killpg(pgid, sig)
    except OSError:
        pass


# --- probe ------------------------------------------------------------------------------------

def run_quiet(argv, timeout=10):
    try:
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    except OSError:
        return None
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None
    return out if p.returncode == 0 else None


def nvidia_gpus():
    out = run_quiet(["nvidia-smi", "--query-gpu=index,name,memory.total,utilization.gpu", "--format=csv,noheader,nounits"])
    if out is None:
        return None
    gpus = []
    for line in out.splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) >= 2 and parts[0].isdigit():
            gpus.append({"index": int(parts[0]), "name": parts[1],
                         "memory_mb": int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0,
                         "utilization": int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else -1})
    return gpus


def cmd_probe(args):
    workdir = os.path.expanduser(args[0])
    result = {"python": sys.version.split()[0], "executable": sys.executable, "host": socket.gethostname(),
              "workdir": workdir}
    try:
        os.makedirs(os.path.join(workdir, ".cairn", "mirror"), exist_ok=True)
        st = os.statvfs(workdir)
        result["free_bytes"] = st.f_bavail * st.f_frsize
        result["workdir_writable"] = os.access(workdir, os.W_OK)
    except OSError as e:
        result["workdir_error"] = str(e)
    gpus = nvidia_gpus()
    result["nvidia_smi"] = gpus is not None
    result["gpus"] = gpus or []
    out = run_quiet(["sinfo", "-h", "-o", "%P|%a|%D|%T|%l|%G"])
    result["sinfo"] = out is not None
    partitions = []
    for line in (out or "").splitlines():
        p = line.split("|")
        if len(p) >= 6:
            partitions.append({"name": p[0].rstrip("*"), "default": p[0].endswith("*"), "avail": p[1], "nodes": p[2],
                               "state": p[3], "timelimit": p[4], "gres": p[5]})
    result["partitions"] = partitions
    result["sacct"] = sacct_available()
    reply(result)


def sacct_available():
    if shutil.which("sacct") is None:
        return False
    out = run_quiet(["sacct", "-n", "-X", "-j", "1", "-o", "JobID"], timeout=5)
    return out is not None


# --- prepare: the run's working copy -----------------------------------------------------------

def link_tree(src, dst):
    """A copy of src at dst whose files are hard links (copies across filesystems)."""
    count = 0
    for root, dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        target = dst if rel == "." else os.path.join(dst, rel)
        os.makedirs(target, exist_ok=True)
        for d in dirs:
            s = os.path.join(root, d)
            if os.path.islink(s):
                os.symlink(os.readlink(s), os.path.join(target, d))
        for name in files:
            s, t = os.path.join(root, name), os.path.join(target, name)
            if os.path.islink(s):
                os.symlink(os.readlink(s), t)
                continue
            try:
                os.link(s, t)
            except OSError:
                shutil.copy2(s, t)
            count += 1
    return count


def snapshot(work):
    files = {}
    for root, dirs, names in os.walk(work):
        for name in names:
            p = os.path.join(root, name)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            files[os.path.relpath(p, work)] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return files


def cmd_prepare(args):
    workdir, run_id, mirror = os.path.expanduser(args[0]), args[1], args[2]
    rundir = os.path.join(workdir, run_id)
    work = os.path.join(rundir, "work")
    try:
        os.makedirs(rundir, exist_ok=True)
        check_space(rundir)
        if not os.path.exists(os.path.join(rundir, "manifest.json")):
            if os.path.exists(work):
                shutil.rmtree(work)
            source = os.path.join(workdir, ".cairn", "mirror", mirror)
            os.makedirs(source, exist_ok=True)
            count = link_tree(source, work)
            write_json(os.path.join(rundir, "manifest.json"), snapshot(work))
        else:
            count = len(read_json(os.path.join(rundir, "manifest.json"), {}))
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise AgentError("disk_full", "no space left in %s on %s" % (rundir, socket.gethostname()))
        raise
    reply({"rundir": rundir, "work": work, "files": count})


# --- start ------------------------------------------------------------------------------------

def cmd_start(args):
    rundir = os.path.expanduser(args[0])
    spec = json.loads(sys.stdin.read())
    existing = read_json(os.path.join(rundir, "started.json"))
    if existing is not None:  # a second start (the reply to the first was lost): same job
        existing["again"] = True
        reply(existing)
        return
    check_space(rundir)
    write_json(os.path.join(rundir, "spec.json"), spec)
    for name in ("exit.json", "state.json"):
        try:
            os.unlink(os.path.join(rundir, name))
        except OSError:
            pass
    if spec.get("kind") == "slurm":
        started = start_slurm(rundir, spec)
    else:
        started = start_keeper(rundir)
    write_json(os.path.join(rundir, "started.json"), started)
    reply(started)


def start_keeper(rundir):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # detach: new session, then a grandchild that init adopts
        os.close(r)
        os.setsid()
        if os.fork() != 0:
            os._exit(0)
        devnull = os.open(os.devnull, os.O_RDWR)
        log = os.open(os.path.join(rundir, "agent.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(devnull, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.write(w, ("%d\n" % os.getpid()).encode())
        os.close(w)
        code = 1
        try:
            code = keeper(rundir)
        except BaseException as e:  # noqa: the keeper's end is always recorded
            sys.stderr.write("keeper failed: %r\n" % (e,))
            try:
                write_exit(rundir, 255, 0, "failed", "the job's keeper failed: %s" % e)
            except Exception:
                pass
        finally:
            os._exit(code)
    os.close(w)
    os.waitpid(pid, 0)
    with os.fdopen(r) as f:
        keeper_pid = int(f.read().strip() or "0")
    return {"kind": "ssh", "pid": keeper_pid, "host": socket.gethostname(), "rundir": rundir, "started_ms": now_ms()}


def write_exit(rundir, exit_code, sig, state, reason="", failed_rank=-1):
    write_json(os.path.join(rundir, "exit.json"), {"exit_code": exit_code, "signal": sig, "state": state, "reason": reason,
                                                    "failed_rank": failed_rank, "end_ms": now_ms()})


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("", 0))
        return s.getsockname()[1]
    finally:
        s.close()


def torchrun_env(rank, local_rank, world, local_world, node_rank, nnodes, master_addr, master_port, run_id, user_env):
    env = {
        "RANK": str(rank), "LOCAL_RANK": str(local_rank), "WORLD_SIZE": str(world), "LOCAL_WORLD_SIZE": str(local_world),
        "GROUP_RANK": str(node_rank), "GROUP_WORLD_SIZE": str(nnodes), "ROLE_NAME": "default", "ROLE_RANK": str(rank),
        "ROLE_WORLD_SIZE": str(world), "MASTER_ADDR": master_addr, "MASTER_PORT": str(master_port),
        "TORCHELASTIC_RUN_ID": run_id, "TORCHELASTIC_RESTART_COUNT": "0", "TORCHELASTIC_MAX_RESTARTS": "0",
        "TORCHELASTIC_USE_AGENT_STORE": "False",
    }
    if local_world > 1 and "OMP_NUM_THREADS" not in user_env and "OMP_NUM_THREADS" not in os.environ:
        env["OMP_NUM_THREADS"] = "1"
    return env


def base_env(rundir, spec):
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    env.update({"CAIRN_RUN_ID": spec.get("run_id", ""), "CAIRN_METRICS_FILE": os.path.join(rundir, "metrics.jsonl"),
                "CAIRN_REMOTE_RUN_DIR": rundir, "CAIRN_EXECUTOR": spec.get("executor", ""), "PYTHONUNBUFFERED": "1"})
    env.pop("CAIRN_PROJECT", None)  # the project folder is on the machine that submitted the job
    return env


def log_name(stream, rank):
    return "%s.log" % stream if rank == 0 else "%s.rank%d.log" % (stream, rank)


class GpuLocks:
    """Whole GPUs for a job on an ssh host: one lock file per GPU under WORKDIR/.cairn/gpus."""

    def __init__(self, workdir):
        self.dir = os.path.join(workdir, ".cairn", "gpus")
        self.held = []

    def take(self, count, ids):
        import fcntl
        os.makedirs(self.dir, exist_ok=True)
        gpus = nvidia_gpus() or []
        available = [g["index"] for g in gpus]
        wanted = ids or available
        missing = [i for i in wanted if i not in available]
        if missing or (count and count > len(available)):
            raise AgentError("no_such_gpus", "the job asks for %s but %s has %s" % (
                ("GPUs %s" % ids) if ids else ("%d GPUs" % count), socket.gethostname(),
                ("GPUs %s" % available) if available else "no GPUs nvidia-smi can see"))
        need = len(ids) if ids else count
        got = []
        for i in wanted:
            f = open(os.path.join(self.dir, "%d.lock" % i), "w")
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                f.close()
                if ids:
                    break
                continue
            got.append((i, f))
            if len(got) == need:
                break
        if len(got) < need:
            for _, f in got:
                f.close()
            return None
        self.held = got
        return [i for i, _ in got]


def keeper(rundir):
    """Runs the job of an ssh executor: its workers, heartbeat and exit record."""
    spec = read_json(os.path.join(rundir, "spec.json"))
    workdir = os.path.dirname(rundir)
    work = os.path.join(rundir, "work")
    state = {"state": "PENDING", "reason": "", "nodes": [socket.gethostname()], "pid": os.getpid()}
    stop = {"requested": False}

    def on_term(signum, frame):
        stop["requested"] = True
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)

    def beat():
        state["heartbeat_ms"] = now_ms()
        try:
            write_json(os.path.join(rundir, "state.json"), state)
        except Exception:
            pass
    beat()

    gpus = GpuLocks(workdir)
    assigned = []
    if spec.get("gpus") or spec.get("gpu_ids"):
        while True:
            try:
                got = gpus.take(spec.get("gpus", 0), spec.get("gpu_ids", []))
            except AgentError as e:
                write_exit(rundir, 255, 0, "FAILED", e.message)
                return 0
            if got is not None:
                assigned = got
                break
            state["reason"] = "waiting for free GPUs"
            beat()
            if stop["requested"]:
                write_exit(rundir, 128 + signal.SIGTERM, signal.SIGTERM, "CANCELLED", "cancelled while waiting for GPUs")
                return 0
            time.sleep(HEARTBEAT_S)

    nproc = max(1, int(spec.get("nproc_per_node", 1)))
    argv = spec["argv"]
    env0 = base_env(rundir, spec)
    if assigned:
        env0["CUDA_VISIBLE_DEVICES"] = ",".join(str(i) for i in assigned)
        env0.setdefault("CUDA_DEVICE_ORDER", "PCI_BUS_ID")
    port = free_port() if nproc > 1 else 0
    workers = []
    for rank in range(nproc):
        env = dict(env0)
        if nproc > 1:
            env.update(torchrun_env(rank, rank, nproc, nproc, 0, 1, "127.0.0.1", port, spec.get("run_id", "none"), spec.get("env", {})))
        out = open(os.path.join(rundir, log_name("stdout", rank)), "ab")
        err = open(os.path.join(rundir, log_name("stderr", rank)), "ab")
        try:
            p = subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                 preexec_fn=os.setpgrp)
        except OSError as e:
            err.write(("cairn agent: cannot start %s: %s\n" % (argv[0], e.strerror)).encode())
            err.flush()
            for w in workers:
                signal_tree(w.pid, w.pid, signal.SIGKILL)
            write_exit(rundir, 127 if e.errno == errno.ENOENT else 126, 0, "FAILED",
                       "cannot start %s on %s: %s" % (argv[0], socket.gethostname(), e.strerror))
            return 0
        finally:
            out.close()
            err.close()
        workers.append(p)
    state.update({"state": "RUNNING", "reason": "", "pid": workers[0].pid, "workers": [w.pid for w in workers], "gpus": assigned})
    write_json(os.path.join(rundir, "workers.json"), {"pids": [w.pid for w in workers], "keeper": os.getpid()})
    beat()

    failed_rank, exit_code, sig, stopping_since = -1, 0, 0, None
    cancelled = False
    last_beat = time.time()
    while True:
        alive = 0
        for rank, w in enumerate(workers):
            code = w.poll()
            if code is None:
                alive += 1
            elif code != 0 and failed_rank < 0 and not stop["requested"]:
                failed_rank = rank
                exit_code, sig = (128 - code, -code) if code < 0 else (code, 0)
        if alive == 0:
            break
        if (stop["requested"] or failed_rank >= 0) and stopping_since is None:
            cancelled = stop["requested"] and failed_rank < 0
            stopping_since = time.time()
            for w in workers:
                if w.poll() is None:
                    signal_tree(w.pid, w.pid, signal.SIGTERM)
        if stopping_since is not None and time.time() - stopping_since > float(spec.get("stop_grace_s", 10)):
            for w in workers:
                if w.poll() is None:
                    signal_tree(w.pid, w.pid, signal.SIGKILL)
        if time.time() - last_beat >= HEARTBEAT_S:
            beat()
            last_beat = time.time()
        time.sleep(0.1)
    for w in workers:  # leftovers in the workers' process groups
        signal_tree(w.pid, w.pid, signal.SIGKILL)
    if cancelled:
        first = workers[0].returncode
        code = (128 - first) if first is not None and first < 0 else (first or 128 + signal.SIGTERM)
        write_exit(rundir, code, -first if first is not None and first < 0 else 0, "CANCELLED", "cancelled")
    elif failed_rank >= 0:
        write_exit(rundir, exit_code, sig, "FAILED", "", failed_rank)
    else:
        write_exit(rundir, 0, 0, "COMPLETED")
    return 0


# --- Slurm --------------------------------------------------------------------------------------

def agent_command(rundir, mode):
    me = os.path.abspath(__file__)
    return "exec %s %s %s %s" % (shquote(sys.executable), shquote(me), mode, shquote(rundir))


def shquote(s):
    if re.match(r"^[A-Za-z0-9_@%+=:,./-]+$", s):
        return s
    return "'" + s.replace("'", "'\\''") + "'"


def start_slurm(rundir, spec):
    lines = ["#!/bin/bash", "# generated by Cairn for run %s" % spec.get("run_id", "")]
    for d in spec.get("sbatch", []):
        lines.append("#SBATCH " + d)
    lines.append("#SBATCH --output=%s" % os.path.join(rundir, "slurm.out"))
    lines.append("#SBATCH --open-mode=append")
    lines.append("#SBATCH --chdir=%s" % os.path.join(rundir, "work"))
    lines.append(agent_command(rundir, "batch"))
    script = os.path.join(rundir, "job.sbatch")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    p = subprocess.Popen(["sbatch", "--parsable", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True, cwd=rundir)
    out, err = p.communicate()
    if p.returncode != 0:
        raise AgentError("sbatch", "sbatch refused the job: %s" % (err.strip() or out.strip()))
    job = out.strip().split(";")[0]
    return {"kind": "slurm", "job": job, "host": socket.gethostname(), "rundir": rundir, "started_ms": now_ms(), "pid": 0}


def hostnames(nodelist):
    out = run_quiet(["scontrol", "show", "hostnames", nodelist])
    return [h for h in (out or "").split() if h] or [socket.gethostname()]


def cmd_batch(args):
    """The Slurm batch step (first node of the allocation): srun starts one task per rank."""
    rundir = args[0]
    spec = read_json(os.path.join(rundir, "spec.json"))
    nodes = hostnames(os.environ.get("SLURM_JOB_NODELIST", socket.gethostname()))
    restarts = int(os.environ.get("SLURM_RESTART_COUNT", "0") or 0)
    write_json(os.path.join(rundir, "batch.json"), {"pid": os.getpid(), "nodes": nodes, "restarts": restarts,
                                                    "host": socket.gethostname(), "started_ms": now_ms()})
    for name in ("exit.json",):
        try:
            os.unlink(os.path.join(rundir, name))
        except OSError:
            pass
    env = base_env(rundir, spec)
    env["MASTER_ADDR"] = nodes[0]
    env["MASTER_PORT"] = str(spec.get("master_port") or free_port())
    argv = ["srun", "--kill-on-bad-exit=1", "--export=ALL", sys.executable, os.path.abspath(__file__), "task", rundir]
    try:
        p = subprocess.Popen(argv, env=env, cwd=os.path.join(rundir, "work"))
    except OSError as e:
        write_exit(rundir, 127, 0, "FAILED", "cannot run srun: %s" % e.strerror)
        return 1
    forward = lambda signum, frame: p.send_signal(signum)  # noqa: E731
    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    code = p.wait()
    ranks = read_json(os.path.join(rundir, "ranks.json"), {})
    failed = [int(r) for r, c in sorted(ranks.items(), key=lambda kv: int(kv[0])) if c != 0] if isinstance(ranks, dict) else []
    if code < 0:
        write_exit(rundir, 128 - code, -code, "FAILED", "", failed[0] if failed else -1)
    else:
        write_exit(rundir, code, 0, "COMPLETED" if code == 0 else "FAILED", "", failed[0] if failed else -1)
    return code if code >= 0 else 128 - code


def cmd_task(args):
    """One srun task: the torchrun contract from SLURM_* and the rank's own log files."""
    rundir = args[0]
    spec = read_json(os.path.join(rundir, "spec.json"))
    rank = int(os.environ.get("SLURM_PROCID", "0"))
    world = int(os.environ.get("SLURM_NTASKS", "1"))
    local_rank = int(os.environ.get("SLURM_LOCALID", "0"))
    node_rank = int(os.environ.get("SLURM_NODEID", "0"))
    nnodes = int(os.environ.get("SLURM_JOB_NUM_NODES", os.environ.get("SLURM_NNODES", "1")))
    local_world = int((os.environ.get("SLURM_NTASKS_PER_NODE") or str(max(1, world // max(1, nnodes)))).split("(")[0].split(",")[0])
    env = dict(os.environ)
    if world > 1:
        env.update(torchrun_env(rank, local_rank, world, local_world, node_rank, nnodes, os.environ.get("MASTER_ADDR", "127.0.0.1"),
                                int(os.environ.get("MASTER_PORT", "29500")), spec.get("run_id", "none"), spec.get("env", {})))
    host = socket.gethostname()
    node_log = os.path.join(rundir, "node.%s.log" % host)

    def note(text):
        with open(node_log, "a") as f:
            f.write("%s %s rank %d (local %d): %s\n" % (time.strftime("%Y-%m-%d %H:%M:%S"), host, rank, local_rank, text))

    out = os.open(os.path.join(rundir, log_name("stdout", rank)), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    err = os.open(os.path.join(rundir, log_name("stderr", rank)), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    note("starting %s (CUDA_VISIBLE_DEVICES=%s)" % (" ".join(spec["argv"]), env.get("CUDA_VISIBLE_DEVICES", "")))
    try:
        p = subprocess.Popen(spec["argv"], env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
    except OSError as e:
        os.write(err, ("cairn agent: cannot start %s: %s\n" % (spec["argv"][0], e.strerror)).encode())
        note("cannot start: %s" % e.strerror)
        return 127
    forward = lambda signum, frame: p.send_signal(signum)  # noqa: E731
    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    code = p.wait()
    note("exited with %s" % (code if code >= 0 else "signal %d" % -code))
    record_rank(rundir, rank, code)
    return code if code >= 0 else 128 - code


def record_rank(rundir, rank, code):
    import fcntl
    path = os.path.join(rundir, "ranks.json")
    with open(path + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ranks = read_json(path, {})
        ranks[str(rank)] = code
        write_json(path, ranks)


def scontrol_job(job):
    out = run_quiet(["scontrol", "-o", "show", "job", job])
    if out is None:
        return None
    fields = {}
    for m in re.finditer(r"(\w+)=(\S*)", out):
        fields.setdefault(m.group(1), m.group(2))
    return fields


def sacct_job(job):
    out = run_quiet(["sacct", "-n", "-P", "-X", "-j", job, "-o", "State,Reason,NodeList,ExitCode,Restarts"], timeout=10)
    if not out:
        return None
    p = out.splitlines()[0].split("|")
    if len(p) < 5:
        return None
    return {"JobState": p[0].split()[0], "Reason": p[1], "NodeList": p[2], "ExitCode": p[3], "Restarts": p[4]}


def slurm_state(job):
    info = scontrol_job(job)
    source = "scontrol"
    if info is None:
        info = sacct_job(job)
        source = "sacct"
    if info is None:
        return {"state": "UNKNOWN", "reason": "the job is no longer known to scontrol%s" %
                ("" if shutil.which("sacct") else ", and sacct is unavailable"), "source": "none", "job": job}
    nodes = info.get("NodeList", "")
    return {"state": info.get("JobState", "UNKNOWN"), "reason": info.get("Reason", ""),
            "nodes": hostnames(nodes) if nodes and nodes != "(null)" and nodes != "None" else [],
            "restarts": int(info.get("Restarts", "0") or 0), "exit": info.get("ExitCode", ""), "job": job, "source": source}


# --- follow -----------------------------------------------------------------------------------

class Follower:
    def __init__(self, rundir, offsets):
        self.rundir = rundir
        self.offsets = dict(offsets)
        self.out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else sys.stdout
        self.last_frame = 0.0

    def frame(self, head, body=b""):
        self.out.write(head.encode() + b"\n" + body)
        self.out.flush()
        self.last_frame = time.time()

    def pump(self):
        """Sends what every followed file gained; True when something was sent."""
        sent = False
        try:
            names = sorted(n for n in os.listdir(self.rundir) if FOLLOWED.match(n))
        except OSError:
            return False
        for name in names:
            path = os.path.join(self.rundir, name)
            offset = self.offsets.get(name, 0)
            try:
                size = os.path.getsize(path)
            except OSError:
                continue
            if size < offset:  # cannot shrink (append-only); resend from its start would double
                continue
            if size == offset:
                continue
            with open(path, "rb") as f:
                f.seek(offset)
                while offset < size:
                    data = f.read(min(CHUNK, size - offset))
                    if not data:
                        break
                    self.frame("D %s %d %d" % (name, offset, len(data)), data)
                    offset += len(data)
                    sent = True
            self.offsets[name] = offset
        return sent


def cmd_follow(args):
    rundir = os.path.expanduser(args[0])
    offsets = json.loads(args[1]) if len(args) > 1 else {}
    started = read_json(os.path.join(rundir, "started.json"))
    if started is None:
        raise AgentError("not_started", "no job was started in %s" % rundir)
    f = Follower(rundir, offsets)
    last_state = None
    last_poll = 0.0
    terminal_since = None
    slurm = started.get("kind") == "slurm"
    while True:
        sent = f.pump()
        now = time.time()
        if now - last_poll >= (3.0 if slurm else 1.0):
            last_poll = now
            if slurm:
                state = slurm_state(started["job"])
                batch = read_json(os.path.join(rundir, "batch.json"), {})
                state["pid"] = batch.get("pid", 0)
                if not state.get("nodes") and batch.get("nodes"):
                    state["nodes"] = batch["nodes"]
            else:
                state = keeper_state(rundir, started)
            key = json.dumps({k: state.get(k) for k in ("state", "reason", "nodes", "restarts", "pid")}, sort_keys=True)
            if key != last_state:
                last_state = key
                f.frame("S " + json.dumps(state))
            ended = ended_info(rundir, state, slurm)
            if ended is not None:
                if terminal_since is None:
                    terminal_since = now
                # the last bytes a dying job wrote may still be on their way (NFS, buffers)
                if now - terminal_since >= (1.0 if slurm else 0.2):
                    f.pump()
                    f.frame("E " + json.dumps(ended))
                    return
            else:
                terminal_since = None
        if not sent and now - f.last_frame >= HEARTBEAT_S:
            f.frame("K " + json.dumps({"t": now_ms()}))
        if not sent:
            time.sleep(0.1)


def keeper_state(rundir, started):
    state = read_json(os.path.join(rundir, "state.json"), {}) or {}
    state.setdefault("state", "PENDING")
    beat = state.get("heartbeat_ms", started.get("started_ms", now_ms()))
    state["heartbeat_age_s"] = round((now_ms() - beat) / 1000.0, 1)
    state["keeper_alive"] = pid_alive(int(started.get("pid", 0)))
    return state


def ended_info(rundir, state, slurm):
    exit_info = read_json(os.path.join(rundir, "exit.json"))
    if not slurm:
        if exit_info is not None:
            return exit_info
        if not state.get("keeper_alive") and state.get("heartbeat_age_s", 0) > 3 * HEARTBEAT_S:
            return {"exit_code": 255, "signal": 0, "state": "LOST",
                    "reason": "the job's keeper process on %s ended without recording how the job ended "
                              "(the machine rebooted, or the process was killed)" % socket.gethostname()}
        return None
    s = state.get("state", "UNKNOWN")
    if s in TERMINAL or (s == "UNKNOWN" and state.get("source") == "none"):
        out = dict(exit_info or {})
        out.setdefault("exit_code", slurm_exit_code(state.get("exit", "")))
        out.setdefault("signal", 0)
        out["state"] = s
        out["slurm_reason"] = state.get("reason", "")
        if s == "UNKNOWN":
            out["reason"] = state.get("reason", "")
        return out
    return None


def slurm_exit_code(text):
    m = re.match(r"^(\d+):(\d+)$", text or "")
    if not m:
        return 255
    code, sig = int(m.group(1)), int(m.group(2))
    return 128 + sig if sig else code


# --- cancel, changed --------------------------------------------------------------------------

def cmd_cancel(args):
    rundir = os.path.expanduser(args[0])
    started = read_json(os.path.join(rundir, "started.json"))
    if started is None:
        reply({"cancelled": False, "reason": "not started"})
        return
    if started.get("kind") == "slurm":
        p = subprocess.Popen(["scancel", started["job"]], stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        out, err = p.communicate()
        if p.returncode != 0:
            raise AgentError("scancel", "scancel %s failed: %s" % (started["job"], err.strip()))
        reply({"cancelled": True, "job": started["job"]})
        return
    if os.path.exists(os.path.join(rundir, "exit.json")):
        reply({"cancelled": False, "reason": "already ended"})
        return
    keeper_pid = int(started.get("pid", 0))
    if pid_alive(keeper_pid):
        os.kill(keeper_pid, signal.SIGTERM)  # the keeper stops the workers' trees and records the end
        reply({"cancelled": True, "pid": keeper_pid})
        return
    workers = read_json(os.path.join(rundir, "workers.json"), {}) or {}
    for pid in workers.get("pids", []):
        signal_tree(pid, pid, signal.SIGKILL)
    write_exit(rundir, 128 + signal.SIGKILL, signal.SIGKILL, "CANCELLED", "cancelled (its keeper was gone)")
    reply({"cancelled": True, "pid": 0})


def cmd_changed(args):
    rundir = os.path.expanduser(args[0])
    work = os.path.join(rundir, "work")
    before = read_json(os.path.join(rundir, "manifest.json"), {}) or {}
    changed = []
    total = 0
    for rel, (size, mtime, ino) in sorted(snapshot(work).items()):
        old = before.get(rel)
        if old is None or old[0] != size or old[1] != mtime or old[2] != ino:
            changed.append(rel)
            total += size
    reply({"files": changed, "bytes": total, "work": work})


COMMANDS = {"probe": cmd_probe, "prepare": cmd_prepare, "start": cmd_start, "follow": cmd_follow, "cancel": cmd_cancel,
            "changed": cmd_changed, "batch": cmd_batch, "task": cmd_task}


def main(argv):
    if len(argv) < 2 or argv[1] not in COMMANDS:
        reply({"error": "usage", "message": "usage: cairn_agent.py %s ARGS..." % "|".join(sorted(COMMANDS))})
        return 2
    try:
        if argv[1] in ("batch", "task"):
            return COMMANDS[argv[1]](argv[2:])
        COMMANDS[argv[1]](argv[2:])
        return 0
    except AgentError as e:
        reply({"error": e.code, "message": e.message})
        return 3
    except BrokenPipeError:
        return 0
    except OSError as e:
        code = "disk_full" if e.errno in (errno.ENOSPC, errno.EDQUOT) else "os_error"
        reply({"error": code, "message": "%s on %s: %s" % (e.strerror, socket.gethostname(), e.filename or "")})
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
