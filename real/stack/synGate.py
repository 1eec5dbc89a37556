#!/usr/bin/env python3
# The replay's SYN gate (real/stack/synGate.ts): holds a connection attempt to a killed app server
# until the harness lets it go, so the load balancer hears "connection refused" at the model's time
# instead of at once (on 127.0.0.1 the kernel answers a SYN to a closed port with a RST immediately).
#
# It owns its firewall rules: at start it binds a free NFQUEUE number and adds one iptables chain of
# its own (SYNs to the given ports on 127.0.0.1 go to the queue, `--queue-bypass` so nothing is
# dropped if it dies), and at exit — stdin closed, SIGTERM, SIGINT — it lets every held packet go and
# deletes the chain. Speaks the kernel's nfnetlink queue protocol with the standard library only
# (Debian has no Python binding for it; libnetfilter_queue is C).
#
# stdin, one command per line:   hold <port> <tag>   release <tag>   cancel <tag>
# stdout, one line per event:    ready <queue>   armed <tag>   held <tag>   released <tag>   cancelled <tag>   error <text>
# (the harness sends the connection only after "armed": a SYN never overtakes the hold meant for it).
#
# Usage: synGate.py <iptables> <chain> <port>...

import os
import select
import signal
import socket
import struct
import subprocess
import sys

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS = 1, 2
NFQA_PACKET_HDR, NFQA_VERDICT_HDR, NFQA_PAYLOAD = 1, 2, 10
CMD_BIND = 1
COPY_PACKET = 2
NF_DROP, NF_ACCEPT = 0, 1
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2

iptables, chain, ports = sys.argv[1], sys.argv[2], [int(p) for p in sys.argv[3:]]


def say(line):
    sys.stdout.write(line + '\n')
    sys.stdout.flush()


def attr(kind, data):
    n = 4 + len(data)
    return struct.pack('=HH', n, kind) + data + b'\0' * ((4 - n % 4) % 4)


def message(kind, queue, attrs, flags):
    body = struct.pack('=BBH', socket.AF_UNSPEC, 0, socket.htons(queue)) + attrs
    return struct.pack('=IHHII', 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | kind, flags, 0, 0) + body


def configure(sock, queue, attrs):
    """Sends a config message and returns the kernel's answer (0 or -errno)."""
    sock.send(message(NFQNL_MSG_CONFIG, queue, attrs, NLM_F_REQUEST | NLM_F_ACK))
    data = sock.recv(65536)
    _, kind = struct.unpack_from('=IH', data, 0)
    return struct.unpack_from('=i', data, 16)[0] if kind == NLMSG_ERROR else 0


def bind_free_queue(sock):
    for queue in range(31_000 + os.getpid() % 1000, 33_000):
        if configure(sock, queue, attr(NFQA_CFG_CMD, struct.pack('!BBH', CMD_BIND, 0, socket.AF_INET))) == 0:
            if configure(sock, queue, attr(NFQA_CFG_PARAMS, struct.pack('!IB', 64, COPY_PACKET))) != 0:
                raise SystemExit('error could not ask the kernel for packet headers')
            return queue
    raise SystemExit('error no free NFQUEUE number')


def ipt(*args, check=True):
    r = subprocess.run([iptables, '-w', *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f'{iptables} {" ".join(args)}: {r.stderr.strip()}')


def remove_rules():
    ipt('-D', 'OUTPUT', '-o', 'lo', '-j', chain, check=False)
    ipt('-F', chain, check=False)
    ipt('-X', chain, check=False)


sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
sock.bind((0, 0))
queue = bind_free_queue(sock)
held = {}  # tag -> (packet id, source port, destination port)
armed = []  # [(destination port, tag)] in the order asked
done = False


def verdict(packet, what):
    sock.send(message(NFQNL_MSG_VERDICT, queue, attr(NFQA_VERDICT_HDR, struct.pack('!II', what, packet)), NLM_F_REQUEST))


def finish(*_):
    global done
    if done:
        return
    done = True
    for packet, _, _ in held.values():
        try:
            verdict(packet, NF_ACCEPT)
        except OSError:
            pass
    remove_rules()
    sys.exit(0)


signal.signal(signal.SIGTERM, finish)
signal.signal(signal.SIGINT, finish)
try:
    remove_rules()
    ipt('-N', chain)
    for port in ports:
        ipt('-A', chain, '-p', 'tcp', '--syn', '-d', '127.0.0.1', '--dport', str(port), '-j', 'NFQUEUE', '--queue-num', str(queue), '--queue-bypass')
    ipt('-I', 'OUTPUT', '1', '-o', 'lo', '-j', chain)
except RuntimeError as e:
    remove_rules()
    say(f'error {e}')
    sys.exit(1)
say(f'ready {queue}')


def on_packet(data, off, length):
    packet, payload = None, None
    at = off + 20
    while at < off + length:
        n, kind = struct.unpack_from('=HH', data, at)
        kind &= 0x7FFF
        if kind == NFQA_PACKET_HDR:
            packet = struct.unpack_from('!I', data, at + 4)[0]
        elif kind == NFQA_PAYLOAD:
            payload = data[at + 4 : at + n]
        at += (n + 3) & ~3
    if packet is None:
        return
    if payload is None or len(payload) < 24:
        return verdict(packet, NF_ACCEPT)
    ihl = (payload[0] & 0x0F) * 4
    sport, dport = struct.unpack_from('!HH', payload, ihl)
    # A retransmitted SYN of a connection already held: the first one stands for it.
    if any(s == sport and d == dport for _, s, d in held.values()):
        return verdict(packet, NF_DROP)
    for i, (port, tag) in enumerate(armed):
        if port == dport:
            del armed[i]
            held[tag] = (packet, sport, dport)
            return say(f'held {tag}')
    verdict(packet, NF_ACCEPT)


def on_command(line):
    words = line.split()
    if len(words) == 3 and words[0] == 'hold':
        armed.append((int(words[1]), words[2]))
        say(f'armed {words[2]}')
    elif len(words) == 2 and words[0] == 'release':
        got = held.pop(words[1], None)
        if got is not None:
            verdict(got[0], NF_ACCEPT)
        say(f'released {words[1]}')
    elif len(words) == 2 and words[0] == 'cancel':
        armed[:] = [a for a in armed if a[1] != words[1]]
        got = held.pop(words[1], None)
        if got is not None:
            verdict(got[0], NF_ACCEPT)
        say(f'cancelled {words[1]}')
    else:
        say(f'error unknown command: {line.strip()}')


stdin = sys.stdin.fileno()
pending = b''
try:
    while True:
        ready, _, _ = select.select([sock, stdin], [], [])
        # Commands first: a hold asked for before a connection was made is in place before its SYN is looked at.
        if stdin in ready:
            chunk = os.read(stdin, 4096)
            if not chunk:
                break
            pending += chunk
            while b'\n' in pending:
                line, pending = pending.split(b'\n', 1)
                on_command(line.decode())
        if sock in ready:
            data = sock.recv(65536)
            off = 0
            while off + 16 <= len(data):
                length, kind = struct.unpack_from('=IH', data, off)
                if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
                    on_packet(data, off, length)
                off += (length + 3) & ~3
finally:
    finish()
