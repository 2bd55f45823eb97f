#!/usr/bin/env bash
# vmflow lab: two "compute hosts" with real Open vSwitch and Linux bridges in network namespaces,
# three VMs (network namespaces with fa:16:3e MACs), a VXLAN tunnel between the hosts, pings
# captured on every hop, one fault injected, and the dumps packed as vmflow bundles.
#
#   run-lab.sh --scenario NAME --out DIR [--count N]
#
# Scenarios: healthy reply-drop loss vlan-mismatch tap-down fdb-wrong-port patch-broken
#            reply-drop-inport stale-ofport sg-iptables sg-nft fw-random tap-mtu guest-down ovs-fw
#            underlay-mtu
#
# Layout (network 10.20.0.0/24, VNI 1001; local VLAN 1 on compute-a, 3 on compute-b):
#   compute-a  vm1 (hybrid plug)       tap → qbr → qvb ⇄ qvo → br-int (tag 1)
#              vm2 (FusionSphere plug) tap → qbr → qvm → ply ─ pvi ⇄ pvo → br-int (tag 1)
#              br-int ─ patch-tun ⇄ patch-int ─ br-tun ─ vxlan-c000020c ─ br-phy/eth1 192.0.2.11
#   compute-b  vm3 (hybrid plug)       tap → qbr → qvb ⇄ qvo → br-int (tag 3)
#              br-int ─ patch-tun ⇄ patch-int ─ br-tun ─ vxlan-c000020b ─ br-phy/eth1 192.0.2.12
# vm1 pings vm2 (same host) and vm3 (across the tunnel) while tcpdump runs on every hop.
#
# The kernel here has no openvswitch module, so every bridge uses datapath_type=netdev (OVS's
# userspace datapath, which also does the VXLAN encapsulation). FusionSphere's qvm is both a qbr
# member and ply's port 1 in its dumps; here it is an OVS internal port of ply enslaved to qbr,
# which gives the same picture (one device in both) with the userspace datapath.
#
# Everything lives in namespaces named vfl-<run>-*, OVS runs from a temporary folder, and the EXIT
# trap removes the namespaces and kills only the daemons and captures this script started.
# The VMn_* variables are read by name (${!var}) when the controller tables are written.
# shellcheck disable=SC2034
set -euo pipefail

SCENARIO=healthy
OUT=
COUNT=20
while (($#)); do
  case $1 in
    --scenario) SCENARIO=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "run-lab: unknown argument $1" >&2; exit 2 ;;
  esac
done
case $SCENARIO in
  healthy|reply-drop|loss|vlan-mismatch|tap-down|fdb-wrong-port|patch-broken) ;;
  reply-drop-inport|stale-ofport|sg-iptables|sg-nft|fw-random|tap-mtu|guest-down|ovs-fw|underlay-mtu) ;;
  *) echo "run-lab: unknown scenario $SCENARIO" >&2; exit 2 ;;
esac
[[ -n $OUT ]] || { echo "run-lab: --out DIR is required" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "run-lab: must run as root (network namespaces)" >&2; exit 2; }
for tool in ovsdb-server ovs-vswitchd ovs-vsctl ovs-ofctl ovs-appctl ip tcpdump ping nft iptables tar unshare python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-lab: $tool not found" >&2; exit 2; }
done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RUN=$(printf '%04x' $((RANDOM % 65536)))
P=vfl-$RUN
LAB=$(mktemp -d "${TMPDIR:-/tmp}/vmflow-lab.XXXXXX")
SCHEMA=/usr/share/openvswitch/vswitch.ovsschema
COLLECTOR=$(cd "$(dirname "$0")/../../main/collect" && pwd)/vmflow-collect
# seconds the captures get to attach before the fault and the pings; a loaded machine needs more
# (VMFLOW_LAB_ATTACH=10)
ATTACH=${VMFLOW_LAB_ATTACH:-0.5}
# long enough for the fault, the pings (COUNT x 0.2 s) and their last timeouts
CAPTURE_SECONDS=$((COUNT / 5 + 10 + ${ATTACH%.*}))
NAMESPACES=()
COLLECTOR_PIDS=()
HOLDER_PIDS=()

log() { printf 'run-lab[%s]: %s\n' "$SCENARIO" "$*" >&2; }

cleanup() {
  local ns pid
  # a collector still running (an interrupted lab) stops its own captures on TERM
  for pid in "${COLLECTOR_PIDS[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  for pid in "${HOLDER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pidfile in "$LAB"/*/ovs-vswitchd.pid "$LAB"/*/ovsdb-server.pid; do
    if [[ -f $pidfile ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  sleep 0.3
  for ns in "${NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$LAB"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- names ------------------------------------------------------------------------------------
# A device name is a prefix plus the first 11 characters of the port UUID (the alias_id UUID on
# FusionSphere), as Nova/Neutron name them.
NET_ID=5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c80
SUBNET_ID=6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d91
TENANT=0e1d2c3b4a5948576655443322110011

VM1_ID=11111111-aaaa-4bbb-8ccc-000000000001; VM1_NAME=lab-vm1; VM1_HOST=compute-a
VM1_PORT=3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a51; VM1_DEV=3f1a2b4c-5d
VM1_MAC=fa:16:3e:11:11:01; VM1_IP=10.20.0.11

VM2_ID=22222222-aaaa-4bbb-8ccc-000000000002; VM2_NAME=lab-vm2; VM2_HOST=compute-a
VM2_PORT=7c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e52; VM2_ALIAS=9e8d7c6b-5a49-4838-a726-150f4e3d2c1b
VM2_DEV=9e8d7c6b-5a; VM2_MAC=fa:16:3e:22:22:02; VM2_IP=10.20.0.12

VM3_ID=33333333-aaaa-4bbb-8ccc-000000000003; VM3_NAME=lab-vm3; VM3_HOST=compute-b
VM3_PORT=b4c5d6e7-f809-4a1b-8c2d-3e4f5a6b7c83; VM3_DEV=b4c5d6e7-f8
VM3_MAC=fa:16:3e:33:33:03; VM3_IP=10.20.0.13

VNI=1001
declare -A LOCAL_VLAN=([a]=1 [b]=3)
declare -A UNDERLAY_IP=([a]=192.0.2.11 [b]=192.0.2.12)
declare -A HOSTNAME_OF=([a]=compute-a [b]=compute-b)
declare -A VXLAN_PORT=([a]=vxlan-c000020c [b]=vxlan-c000020b)
declare -A REMOTE_IP=([a]=192.0.2.12 [b]=192.0.2.11)

# --- helpers ----------------------------------------------------------------------------------
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# Runs an OVS client against host $1's private OVS instance.
ovs() {
  local h=$1; shift
  OVS_RUNDIR=$LAB/$h OVS_DBDIR=$LAB/$h OVS_LOGDIR=$LAB/$h ip netns exec "$P-h$h" "$@"
}

new_ns() {
  ip netns add "$1"
  NAMESPACES+=("$1")
  in_ns "$1" ip link set lo up
  # No IPv6: a fresh interface's link-local chatter would fill every capture.
  in_ns "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}

start_ovs() {
  local h=$1 dir=$LAB/$1
  mkdir -p "$dir"
  ovsdb-tool create "$dir/conf.db" "$SCHEMA"
  ovs "$h" ovsdb-server "$dir/conf.db" --remote="punix:$dir/db.sock" \
    --pidfile="$dir/ovsdb-server.pid" --unixctl="$dir/ovsdb-server.ctl" \
    --log-file="$dir/ovsdb-server.log" --detach 2>>"$dir/start.err"
  ovs "$h" ovs-vsctl --no-wait init
  ovs "$h" ovs-vswitchd "unix:$dir/db.sock" --pidfile="$dir/ovs-vswitchd.pid" \
    --log-file="$dir/ovs-vswitchd.log" --detach 2>>"$dir/start.err"
  ovs "$h" ovs-vsctl set open_vswitch . external_ids:hostname="${HOSTNAME_OF[$h]}"
}

add_bridge() { # host bridge
  ovs "$1" ovs-vsctl add-br "$2" -- set bridge "$2" datapath_type=netdev
}

# A VM: its own namespace, eth0 with the port's MAC and IP, the host end named tap<dev>
# (MAC fe:16:3e..., as libvirt sets it) in a Linux bridge qbr<dev>.
add_vm() { # host vmns dev mac ip
  local h=$1 vm=$2 dev=$3 mac=$4 ip=$5 hns=$P-h$1
  new_ns "$vm"
  in_ns "$hns" ip link add "tap$dev" type veth peer name eth0 netns "$vm"
  in_ns "$hns" ip link set "tap$dev" address "fe:${mac#fa:}"
  in_ns "$vm" ip link set eth0 address "$mac"
  in_ns "$vm" ip addr add "$ip/24" dev eth0
  in_ns "$vm" ip link set eth0 up
  in_ns "$hns" ip link add "qbr$dev" type bridge
  in_ns "$hns" ip link set "tap$dev" master "qbr$dev"
  in_ns "$hns" ip link set "qbr$dev" up
  in_ns "$hns" ip link set "tap$dev" up
}

plug_hybrid() { # host dev tag
  local h=$1 dev=$2 tag=$3 hns=$P-h$1
  in_ns "$hns" ip link add "qvb$dev" type veth peer name "qvo$dev"
  in_ns "$hns" ip link set "qvb$dev" master "qbr$dev"
  in_ns "$hns" ip link set "qvb$dev" up
  in_ns "$hns" ip link set "qvo$dev" up
  ovs "$h" ovs-vsctl add-port br-int "qvo$dev" -- set port "qvo$dev" tag="$tag" \
    -- set interface "qvo$dev" external_ids:iface-status=active
}

plug_fusionsphere() { # host dev tag
  local h=$1 dev=$2 tag=$3 hns=$P-h$1
  add_bridge "$h" "ply$dev"
  ovs "$h" ovs-vsctl add-port "ply$dev" "qvm$dev" -- set interface "qvm$dev" type=internal ofport_request=1
  ovs "$h" ovs-vsctl add-port "ply$dev" "pvi$dev" -- set interface "pvi$dev" type=patch \
    options:peer="pvo$dev" ofport_request=2
  ovs "$h" ovs-vsctl add-port br-int "pvo$dev" -- set port "pvo$dev" tag="$tag" \
    -- set interface "pvo$dev" type=patch options:peer="pvi$dev"
  wait_for_link "$hns" "qvm$dev"
  in_ns "$hns" ip link set "qvm$dev" master "qbr$dev"
  in_ns "$hns" ip link set "qvm$dev" up
  in_ns "$hns" ip link set "ply$dev" up
}

wait_for_link() { # ns dev
  local i
  for i in $(seq 50); do
    in_ns "$1" ip link show "$2" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "run-lab: $2 did not appear in $1" >&2
  return 1
}

# br-int, br-tun with neutron's tunnel flows (local VLAN <-> VNI), br-phy carrying the underlay IP.
build_host() {
  local h=$1 hns=$P-h$1 vlan=${LOCAL_VLAN[$1]} vx=${VXLAN_PORT[$1]}
  new_ns "$hns"
  start_ovs "$h"
  add_bridge "$h" br-int
  ovs "$h" ovs-vsctl set-fail-mode br-int secure
  ovs "$h" ovs-ofctl add-flow br-int "table=0,priority=0,actions=NORMAL"
  add_bridge "$h" br-tun
  ovs "$h" ovs-vsctl set-fail-mode br-tun secure
  ovs "$h" ovs-vsctl add-port br-int patch-tun -- set interface patch-tun type=patch options:peer=patch-int
  ovs "$h" ovs-vsctl add-port br-tun patch-int -- set interface patch-int type=patch options:peer=patch-tun \
    ofport_request=1
  ovs "$h" ovs-vsctl add-port br-tun "$vx" -- set interface "$vx" type=vxlan ofport_request=2 \
    options:remote_ip="${REMOTE_IP[$h]}" options:local_ip="${UNDERLAY_IP[$h]}" \
    options:in_key=flow options:out_key=flow options:df_default=true
  ovs "$h" ovs-ofctl add-flow br-tun "table=0,priority=1,in_port=1,dl_vlan=$vlan,actions=strip_vlan,set_tunnel:$VNI,output:2"
  ovs "$h" ovs-ofctl add-flow br-tun "table=0,priority=1,in_port=2,tun_id=$VNI,actions=mod_vlan_vid:$vlan,output:1"
  ovs "$h" ovs-ofctl add-flow br-tun "table=0,priority=0,actions=drop"
  add_bridge "$h" br-phy
}

link_hosts() {
  in_ns "$P-ha" ip link add eth1 type veth peer name eth1 netns "$P-hb"
  local h
  for h in a b; do
    in_ns "$P-h$h" ip link set eth1 up
    ovs "$h" ovs-vsctl add-port br-phy eth1
    in_ns "$P-h$h" ip addr add "${UNDERLAY_IP[$h]}/24" dev br-phy
    in_ns "$P-h$h" ip link set br-phy up
  done
}

# Runs vmflow-collect on host $1 as that host would: inside its namespace, against its OVS
# instance, under its host name (a UTS namespace of its own), writing its tarball to $2.
collector() { # host outdir mode args...
  local h=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  # shellcheck disable=SC2016 # $1 and $@ belong to the inner shell
  OVS_RUNDIR=$LAB/$h OVS_DBDIR=$LAB/$h OVS_LOGDIR=$LAB/$h ip netns exec "$P-h$h" \
    unshare --uts bash -c 'hostname "$1"; shift; exec bash "$@"' _ "${HOSTNAME_OF[$h]}" "$COLLECTOR" "$@" -o "$dir"
}

inject_fault() {
  case $SCENARIO in
    healthy) ;;
    reply-drop)
      # A stale security-group-like rule: echo replies to vm1 die on br-int.
      ovs a ovs-ofctl add-flow br-int "table=0,priority=200,icmp,nw_dst=$VM1_IP,icmp_type=0,actions=drop" ;;
    loss)
      # 30 % of what enters vm1's qvb from br-int is dropped.
      in_ns "$P-ha" nft -f - <<EOF
table netdev vmflowlab {
  chain qvb_ingress {
    type filter hook ingress device "qvb$VM1_DEV" priority 0; policy accept;
    meta l4proto icmp numgen random mod 100 < 30 drop
  }
}
EOF
      ;;
    vlan-mismatch)
      # vm2's port lands on another local VLAN than vm1's although both are on one network.
      ovs a ovs-vsctl set port "pvo$VM2_DEV" tag=2 ;;
    tap-down)
      in_ns "$P-ha" ip link set "tap$VM2_DEV" down ;;
    fdb-wrong-port)
      # A static MAC entry sends vm3's MAC to vm2's port instead of the tunnel.
      ovs a ovs-appctl fdb/add br-int "pvo$VM2_DEV" "${LOCAL_VLAN[a]}" "$VM3_MAC" ;;
    patch-broken)
      ovs a ovs-vsctl set interface "pvo$VM2_DEV" options:peer="pvi${VM2_DEV}x" ;;
    reply-drop-inport)
      # Echo replies arriving from the tunnel die on br-int; the rule names no IP or MAC.
      ovs a ovs-ofctl add-flow br-int "table=0,priority=200,in_port=patch-tun,icmp,icmp_type=0,actions=drop" ;;
    stale-ofport)
      # Frames for vm2 are sent to an OpenFlow port that no longer exists.
      ovs a ovs-ofctl add-flow br-int "table=0,priority=150,dl_dst=$VM2_MAC,actions=output:99" ;;
    sg-iptables)
      # A hybrid-plug security group chain (neutron's names) dropping ICMP to vm1 in qbr.
      sg_iptables ;;
    sg-nft)
      # An nftables bridge rule in qbr dropping the echo replies sent to vm1's tap.
      in_ns "$P-ha" nft -f - <<EOF
table bridge vmflowsg {
  chain forward {
    type filter hook forward priority 0; policy accept;
    oifname "tap$VM1_DEV" icmp type echo-reply counter drop
  }
}
EOF
      ;;
    fw-random)
      # 30 % of the ICMP bridged from vm1's qvb into qbr is dropped by a firewall rule.
      in_ns "$P-ha" nft -f - <<EOF
table bridge vmflowfw {
  chain forward {
    type filter hook forward priority 0; policy accept;
    iifname "qvb$VM1_DEV" meta l4proto icmp numgen random mod 100 < 30 counter drop
  }
}
EOF
      ;;
    guest-down)
      guest_down ;;
    underlay-mtu)
      # compute-a's underlay NIC takes 1400-byte packets: vm1's large pings to vm3, 1442-byte
      # frames in 1492-byte VXLAN packets, never leave the host; the small ones cross.
      in_ns "$P-ha" ip link set eth1 mtu 1400 ;;
    ovs-fw)
      # Neutron's native OVS firewall driver on vm2's port: what enters it goes through conntrack
      # (table 81) and only new TCP to port 22 or established traffic passes (table 82); vm2's
      # group admits no ICMP, so vm1's echo requests meet table 82's final drop.
      ovs_firewall ;;
    tap-mtu)
      # vm1's tap takes 1000-byte frames while the rest of the path takes 1500: vm2's large pings
      # to vm1 die in qbr, the small ones pass.
      in_ns "$P-ha" ip link set "tap$VM1_DEV" mtu 1000 ;;
  esac
}

# The flows of neutron's openvswitch firewall driver for vm2's ingress (tables 81 and 82 as neutron
# numbers them; reg5 holds the port's ofport and reg6 the conntrack zone, the local VLAN).
ovs_firewall() {
  local of zone=${LOCAL_VLAN[a]}
  of=$(ovs a ovs-vsctl get interface "pvo$VM2_DEV" ofport)
  ovs a ovs-ofctl add-flows br-int - <<EOF
table=0,priority=100,ip,dl_dst=$VM2_MAC,actions=load:$of->NXM_NX_REG5[],load:$zone->NXM_NX_REG6[],resubmit(,81)
table=81,priority=90,ct_state=-trk,ip,reg5=$of,actions=ct(table=82,zone=NXM_NX_REG6[0..15])
table=82,priority=70,ct_state=+est-rel-rpl,ip,reg5=$of,actions=output:$of
table=82,priority=70,ct_state=+est-rel+rpl,ip,reg5=$of,actions=output:$of
table=82,priority=77,ct_state=+new-est,tcp,reg5=$of,tp_dst=22,actions=ct(commit,zone=NXM_NX_REG6[0..15]),output:$of
table=82,priority=0,actions=drop
EOF
}

# vm2's guest stops draining its interface: a real hypervisor's tap is a tun device that qemu holds
# open; when the guest's virtio interface is down qemu stops reading it, the tap stays UP with
# carrier, qbr keeps forwarding to it, and each frame is counted in its TX "dropped". A veth tap
# cannot show this: once its peer is down it loses carrier, qbr disables the port and the pings
# die in the bridge without touching the tap's counters (measured). So vm2's veth tap is renamed
# away (its tcpdump keeps its file, and now sees nothing) and a tun tap of the same name and MAC
# takes its place in qbr, held open by a process that never reads, with no queue (txqueuelen 0).
guest_down() {
  local tap=tap$VM2_DEV hns=$P-ha i
  in_ns "$hns" ip link set "$tap" nomaster
  in_ns "$hns" ip link set "$tap" name "g${VM2_DEV}"
  # TUNSETIFF with IFF_TAP | IFF_NO_PI, then sleep holding the descriptor; ip netns exec execs
  # python, so $! is python's own pid and the EXIT trap stops it
  ip netns exec "$hns" python3 -c 'import fcntl, os, struct, sys, time
fd = os.open("/dev/net/tun", os.O_RDWR)
fcntl.ioctl(fd, 0x400454CA, struct.pack("16sH22x", sys.argv[1].encode(), 0x1002))
print("attached", flush=True)
time.sleep(900)' "$tap" >"$LAB/guest-down.log" 2>&1 &
  HOLDER_PIDS+=("$!")
  for i in $(seq 50); do
    grep -q attached "$LAB/guest-down.log" && break
    sleep 0.1
  done
  in_ns "$hns" ip link set "$tap" address "fe:${VM2_MAC#fa:}" txqueuelen 0
  in_ns "$hns" ip link set "$tap" master "qbr$VM2_DEV"
  in_ns "$hns" ip link set "$tap" up
}

# Neutron's iptables firewall driver for a hybrid-plug port: FORWARD jumps to
# neutron-openvswi-FORWARD, which sends what the tap bridges to sg-chain and on to the port's
# ingress chain neutron-openvswi-i<first 10 characters of the port id>; a stale rule there drops
# ICMP before the established-traffic rule.
sg_iptables() {
  local ns=$P-ha i=neutron-openvswi-i${VM1_PORT:0:10}
  in_ns "$ns" sysctl -qw net.bridge.bridge-nf-call-iptables=1
  in_ns "$ns" iptables -N neutron-openvswi-FORWARD
  in_ns "$ns" iptables -N neutron-openvswi-sg-chain
  in_ns "$ns" iptables -N "$i"
  in_ns "$ns" iptables -A FORWARD -j neutron-openvswi-FORWARD
  in_ns "$ns" iptables -A neutron-openvswi-FORWARD -m physdev --physdev-out "tap$VM1_DEV" \
    --physdev-is-bridged -m comment --comment "Direct traffic from the VM interface to the security group chain." \
    -j neutron-openvswi-sg-chain
  in_ns "$ns" iptables -A neutron-openvswi-sg-chain -m physdev --physdev-out "tap$VM1_DEV" \
    --physdev-is-bridged -m comment --comment "Jump to the VM specific chain." -j "$i"
  in_ns "$ns" iptables -A neutron-openvswi-sg-chain -j ACCEPT
  in_ns "$ns" iptables -A "$i" -p icmp -j DROP
  in_ns "$ns" iptables -A "$i" -m state --state RELATED,ESTABLISHED -j RETURN
}

# --- dumps ------------------------------------------------------------------------------------
# Host outputs and captures come from vmflow-collect (host and capture modes); the controller's
# tables are written here, for the lab's names, MACs and IPs.

# Prints a prettytable-style table (nova/neutron CLI) from tab-separated rows, header first.
table() {
  awk -F'\t' '
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } if (NF > n) n = NF; rows = NR }
    function rule(   i, s) { s = "+"; for (i = 1; i <= n; i++) { s = s sprintf("%s+", dashes(w[i] + 2)) } print s }
    function dashes(k,   s) { s = ""; while (k-- > 0) s = s "-"; return s }
    function row(r,   i, s) { s = "|"; for (i = 1; i <= n; i++) s = s sprintf(" %-" w[i] "s |", cell[r, i]); print s }
    END { rule(); row(1); rule(); for (r = 2; r <= rows; r++) row(r); rule() }'
}

vm_row() { # id name host status ip
  printf '%s\t%s\t%s\t-\tRunning\tlab-net=%s\n' "$1" "$2" "$4" "$5"
}

collect_controller() {
  local dir=$OUT/work/controller/controller
  mkdir -p "$dir"
  {
    printf 'ID\tName\tStatus\tTask State\tPower State\tNetworks\n'
    vm_row "$VM1_ID" "$VM1_NAME" "$VM1_HOST" ACTIVE "$VM1_IP"
    vm_row "$VM2_ID" "$VM2_NAME" "$VM2_HOST" ACTIVE "$VM2_IP"
    vm_row "$VM3_ID" "$VM3_NAME" "$VM3_HOST" ACTIVE "$VM3_IP"
  } | table >"$dir/nova_list_--all-tenants"
  local i id name host port mac ip alias
  for i in 1 2 3; do
    id=VM${i}_ID; name=VM${i}_NAME; host=VM${i}_HOST; port=VM${i}_PORT; mac=VM${i}_MAC; ip=VM${i}_IP
    alias=""
    [[ $i == 2 ]] && alias="cell1:$VM2_ALIAS"
    {
      printf 'Property\tValue\n'
      printf 'OS-EXT-SRV-ATTR:host\t%s\n' "${!host}"
      printf 'OS-EXT-SRV-ATTR:hypervisor_hostname\t%s\n' "${!host}"
      printf 'OS-EXT-SRV-ATTR:instance_name\tinstance-0000000%s\n' "$i"
      printf 'OS-EXT-STS:power_state\t1\n'
      printf 'OS-EXT-STS:vm_state\tactive\n'
      printf 'id\t%s\n' "${!id}"
      printf 'lab-net network\t%s\n' "${!ip}"
      printf 'name\t%s\n' "${!name}"
      printf 'status\tACTIVE\n'
      printf 'tenant_id\t%s\n' "$TENANT"
    } | table >"$dir/nova_show_${!id}"
    {
      printf 'Port State\tPort ID\tNet ID\tIP addresses\tMAC Addr\n'
      printf 'ACTIVE\t%s\t%s\t%s\t%s\n' "${!port}" "$NET_ID" "${!ip}" "${!mac}"
    } | table >"$dir/nova_interface-list_${!id}"
    {
      printf 'Field\tValue\n'
      printf 'admin_state_up\tTrue\n'
      [[ -n $alias ]] && printf 'alias_id\t%s\n' "$alias"
      printf 'binding:host_id\t%s\n' "${!host}"
      printf 'binding:vif_type\tovs\n'
      printf 'device_id\t%s\n' "${!id}"
      printf 'device_owner\tcompute:nova\n'
      printf 'fixed_ips\t{"subnet_id": "%s", "ip_address": "%s"}\n' "$SUBNET_ID" "${!ip}"
      printf 'id\t%s\n' "${!port}"
      printf 'mac_address\t%s\n' "${!mac}"
      printf 'name\t\n'
      printf 'network_id\t%s\n' "$NET_ID"
      printf 'port_security_enabled\tTrue\n'
      printf 'security_groups\t%s\n' "$(port_group "$i")"
      printf 'status\tACTIVE\n'
      printf 'tenant_id\t%s\n' "$TENANT"
    } | table >"$dir/neutron_port-show_${!port}"
  done
  {
    printf 'id\tname\tsubnets\n'
    printf '%s\tlab-net\t%s 10.20.0.0/24\n' "$NET_ID" "$SUBNET_ID"
  } | table >"$dir/neutron_net-list"
  security_groups "$dir"
}

# Every port is in lab-default, which admits ICMP from anywhere. In sg-iptables vm1 is in lab-ssh
# instead (in ovs-fw vm2), so the controller agrees with the host's chain: no ingress rule admits ICMP, and its
# egress admits TCP only, so no request of vm1's opens the way for the replies either.
SG_DEFAULT=5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6
SG_SSH=6e2f3a4b-5c6d-4e7f-9081-92a3b4c5d6e7
port_group() { # VM number
  if [[ $SCENARIO == sg-iptables && $1 == 1 || $SCENARIO == ovs-fw && $1 == 2 ]]; then
    echo "$SG_SSH"
  else
    echo "$SG_DEFAULT"
  fi
}

security_groups() { # dir
  {
    printf 'id\tname\tsecurity_group_rules\n'
    printf '%s\tlab-default\tegress, IPv4\n' "$SG_DEFAULT"
    printf '%s\tlab-ssh\tegress, IPv4, tcp\n' "$SG_SSH"
  } | table >"$1/neutron_security-group-list"
  {
    printf 'id\tsecurity_group\tdirection\tethertype\tprotocol/port\tremote\n'
    printf '0a1b2c3d-1111-4e5f-8a9b-000000000001\tlab-default\tegress\tIPv4\tany\tany\n'
    printf '0a1b2c3d-1111-4e5f-8a9b-000000000002\tlab-default\tingress\tIPv4\tany\tlab-default (group)\n'
    printf '0a1b2c3d-1111-4e5f-8a9b-000000000003\tlab-default\tingress\tIPv4\ticmp\t0.0.0.0/0 (CIDR)\n'
    printf '0a1b2c3d-1111-4e5f-8a9b-000000000004\tlab-ssh\tegress\tIPv4\ttcp\tany\n'
    printf '0a1b2c3d-1111-4e5f-8a9b-000000000005\tlab-ssh\tingress\tIPv4\t22/tcp\t0.0.0.0/0 (CIDR)\n'
  } | table >"$1/neutron_security-group-rule-list"
}

# One bundle per host (the collector's tarballs of that host, nested) plus the controller's.
pack() {
  local name
  for name in compute-a compute-b controller; do
    tar -C "$OUT/work/$name" -czf "$OUT/$name.tar.gz" .
  done
  rm -rf "$OUT/work"
}

# --- run --------------------------------------------------------------------------------------
log "building hosts"
build_host a
build_host b
link_hosts
add_vm a "$P-vm1" "$VM1_DEV" "$VM1_MAC" "$VM1_IP"
plug_hybrid a "$VM1_DEV" "${LOCAL_VLAN[a]}"
add_vm a "$P-vm2" "$VM2_DEV" "$VM2_MAC" "$VM2_IP"
plug_fusionsphere a "$VM2_DEV" "${LOCAL_VLAN[a]}"
add_vm b "$P-vm3" "$VM3_DEV" "$VM3_MAC" "$VM3_IP"
plug_hybrid b "$VM3_DEV" "${LOCAL_VLAN[b]}"

log "warming up (underlay and VM ARP caches)"
in_ns "$P-ha" ping -c 2 -W 1 -q "${UNDERLAY_IP[b]}" >/dev/null || log "underlay ping failed"
in_ns "$P-hb" ping -c 2 -W 1 -q "${UNDERLAY_IP[a]}" >/dev/null || true
in_ns "$P-vm1" ping -c 2 -W 1 -q "$VM2_IP" >/dev/null || log "warm-up vm1 -> vm2 failed"
in_ns "$P-vm1" ping -c 2 -W 1 -q "$VM3_IP" >/dev/null || log "warm-up vm1 -> vm3 failed"
in_ns "$P-vm2" ping -c 1 -W 1 -q "$VM3_IP" >/dev/null || true

log "capturing on every hop of every VM (vmflow-collect capture)"
collector a "$OUT/work/compute-a/capture-vm1" capture --vm "$VM1_PORT" --seconds "$CAPTURE_SECONDS" >"$LAB/collect-vm1.log" 2>&1 &
c1=$!
COLLECTOR_PIDS+=("$c1")
collector a "$OUT/work/compute-a/capture-vm2" capture --vm "$VM2_ALIAS" --seconds "$CAPTURE_SECONDS" >"$LAB/collect-vm2.log" 2>&1 &
c2=$!
COLLECTOR_PIDS+=("$c2")
collector b "$OUT/work/compute-b/capture-vm3" capture --vm "$VM3_PORT" --seconds "$CAPTURE_SECONDS" >"$LAB/collect-vm3.log" 2>&1 &
c3=$!
COLLECTOR_PIDS+=("$c3")
# faults come only once every tcpdump is attached (tcpdump will not start on a device that is
# already down): each collector says "capturing on" when its files exist; ATTACH bounds the wait
for log_file in "$LAB/collect-vm1.log" "$LAB/collect-vm2.log" "$LAB/collect-vm3.log"; do
  for ((w = 0; w < 300; w++)); do
    grep -q 'capturing on' "$log_file" 2>/dev/null && break
    sleep 0.1
  done
  grep -q 'capturing on' "$log_file" 2>/dev/null || log "no 'capturing on' in $log_file after 30 s"
done
sleep "$ATTACH"

log "injecting fault: $SCENARIO"
inject_fault
sleep 0.5

log "pinging"
in_ns "$P-vm1" ping -c "$COUNT" -i 0.2 -W 1 "$VM2_IP" >"$LAB/ping-vm2.txt" 2>&1 &
p1=$!
in_ns "$P-vm1" ping -c "$COUNT" -i 0.2 -W 1 "$VM3_IP" >"$LAB/ping-vm3.txt" 2>&1 &
p2=$!
if [[ $SCENARIO == underlay-mtu ]]; then
  in_ns "$P-vm1" ping -c "$COUNT" -i 0.2 -W 1 -s 1400 "$VM3_IP" >"$LAB/ping-vm1-vm3-large.txt" 2>&1 || true
fi
if [[ $SCENARIO == tap-mtu ]]; then
  # frames of 1442 bytes (1400 + ICMP, IP and Ethernet headers): larger than vm1's tap takes
  in_ns "$P-vm2" ping -c "$COUNT" -i 0.2 -W 1 -s 1400 "$VM1_IP" >"$LAB/ping-vm2-vm1.txt" 2>&1 || true
fi
wait "$p1" || true
wait "$p2" || true
tail -n 2 "$LAB/ping-vm2.txt" | head -n 1 | sed 's/^/run-lab: vm1 -> vm2: /' >&2
tail -n 2 "$LAB/ping-vm3.txt" | head -n 1 | sed 's/^/run-lab: vm1 -> vm3: /' >&2
cp "$LAB/ping-vm2.txt" "$OUT/ping-vm1-vm2.txt"
cp "$LAB/ping-vm3.txt" "$OUT/ping-vm1-vm3.txt"
for c in "$c1:vm1" "$c2:vm2" "$c3:vm3"; do
  if ! wait "${c%%:*}"; then
    cat "$LAB/collect-${c##*:}.log" >&2
    echo "run-lab: vmflow-collect capture for ${c##*:} failed" >&2
    exit 1
  fi
done

log "collecting host outputs (vmflow-collect host)"
collector a "$OUT/work/compute-a/host" host >"$LAB/collect-host-a.log" 2>&1 || { cat "$LAB/collect-host-a.log" >&2; exit 1; }
collector b "$OUT/work/compute-b/host" host >"$LAB/collect-host-b.log" 2>&1 || { cat "$LAB/collect-host-b.log" >&2; exit 1; }
collect_controller
pack
log "bundles in $OUT: compute-a.tar.gz compute-b.tar.gz controller.tar.gz"
