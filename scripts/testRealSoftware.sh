#!/usr/bin/env bash
# The suites that run real software on 127.0.0.1: the conformance checks against nginx and HAProxy (and
# the generated configs), and the replays on real nginx/HAProxy/Node/Redis/PostgreSQL. The replays'
# wall-clock run spends 90 s mostly waiting, so it runs beside the conformance suites (their ports are
# distinct: every suite picks free ports). Fails if any suite fails; prints each one's output as it goes.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run -s test:real > >(sed 's/^/[real] /') 2>&1 &
real=$!
npm run -s test:nginx && npm run -s test:haproxy && npm run -s test:configs
conformance=$?
wait "$real"
replay=$?
echo "test:software — conformance: $([ $conformance -eq 0 ] && echo ok || echo FAILED), replays: $([ $replay -eq 0 ] && echo ok || echo FAILED)"
[ $conformance -eq 0 ] && [ $replay -eq 0 ]
