#!/usr/bin/env bash
# Host settings for a trading box (run as root, review first). Each line says why.
# The stage CPUs must also be isolated at boot: add to the kernel command line
#   isolcpus=2-5 nohz_full=2-5 rcu_nocbs=2-5
set -euo pipefail
cpus="${1:-2-5}"
# no frequency scaling latency on the stage cores
for gov in /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor; do [ -w "$gov" ] && echo performance > "$gov"; done
# transparent huge pages off: khugepaged compaction stalls are multi-ms
[ -w /sys/kernel/mm/transparent_hugepage/enabled ] && echo never > /sys/kernel/mm/transparent_hugepage/enabled
# keep IRQs off the stage cores
if command -v irqbalance >/dev/null; then systemctl stop irqbalance || true; fi
for irq in /proc/irq/*/smp_affinity_list; do echo 0-1 > "$irq" 2>/dev/null || true; done
# small swappiness: never page out the pre-touched heap
sysctl -w vm.swappiness=1
# busy-polling sockets for the feed
sysctl -w net.core.busy_poll=50 net.core.busy_read=50
echo "tuned; stage cpus $cpus"
