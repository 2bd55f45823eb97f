#!/usr/bin/env bash
# vmflow lab: two "compute hosts" with real Open vSwitch and Linux bridges in network namespaces,
# three VMs (network namespaces with fa:16:3e MACs), a VXLAN tunnel between the hosts, pings
# captured on every hop, one fault injected, and the dumps packed as vmflow bundles.
#
#   run-lab.sh --scenario NAME --out DIR [--count N]
#
# Scenarios: healthy reply-drop loss vlan-mismatch tap-down fdb-wrong-port patch-broken
#            reply-drop-inport stale-ofport sg-iptables sg-nft fw-random tap-mtu guest-down ovs-fw
#            underlay-mtu router-port-down route-missing dnat-missing qr-wrong-tag misdeliver
#            group-drop
#
# Layout (network 10.20.0.0/24, VNI 1001; local VLAN 1 on compute-a, 3 on compute-b):
#   compute-a  vm1 (hybrid plug)       tap → qbr → qvb ⇄ qvo → br-int (tag 1)
#              vm2 (FusionSphere plug) tap → qbr → qvm → ply ─ pvi ⇄ pvo → br-int (tag 1)
#              br-int ─ patch-tun ⇄ patch-int ─ br-tun ─ vxlan-c000020c ─ br-phy/eth1 192.0.2.11
#   compute-b  vm3 (hybrid plug)       tap → qbr → qvb ⇄ qvo → br-int (tag 3)
#              br-int ─ patch-tun ⇄ patch-int ─ br-tun ─ vxlan-c000020b ─ br-phy/eth1 192.0.2.12
#   router     qrouter-<id> on compute-a (a legacy router, as on a network node): qr- port on br-int
#              (tag 1) holding the gateway 10.20.0.1, qg- port on the provider bridge br-ex with
#              172.24.4.5 and vm1's floating IP 172.24.4.10 (iptables DNAT/SNAT in the namespace);
#              the external side is a namespace holding 172.24.4.1 on br-ex. Every VM's default
#              route is via 10.20.0.1.
# vm1 pings vm2 (same host), vm3 (across the tunnel), its gateway and the external address while
# tcpdump runs on every hop (the router's qr-/qg- ports too, inside its namespace).
#
# Each host's collector sees only that host's namespaces (the router's on compute-a): it runs in a
# mount namespace of its own whose /run/netns holds them under their neutron names.
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
    -h|--help) sed -n '2,35p' "$0"; exit 0 ;;
    *) echo "run-lab: unknown argument $1" >&2; exit 2 ;;
  esac
done
case $SCENARIO in
  healthy|reply-drop|loss|vlan-mismatch|tap-down|fdb-wrong-port|patch-broken) ;;
  reply-drop-inport|stale-ofport|sg-iptables|sg-nft|fw-random|tap-mtu|guest-down|ovs-fw|underlay-mtu) ;;
  misdeliver|group-drop) ;;
  router-port-down|route-missing|dnat-missing|qr-wrong-tag) ;;
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
VIEW_MOUNTS=()

log() { printf 'run-lab[%s]: %s\n' "$SCENARIO" "$*" >&2; }

cleanup() {
  local ns pid m
  # a collector still running (an interrupted lab) stops its own captures on TERM
  for pid in "${COLLECTOR_PIDS[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  for pid in "${HOLDER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pidfile in "$LAB"/*/ovs-vswitchd.pid "$LAB"/*/ovsdb-server.pid; do
    if [[ -f $pidfile ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  sleep 0.3
  for m in "${VIEW_MOUNTS[@]}"; do umount "$m" 2>/dev/null || true; done
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

# the router (legacy, on compute-a), its two ports, the external network and vm1's floating IP
ROUTER_ID=8d2e4f60-1a2b-4c3d-9e8f-7a6b5c4d3e21; ROUTER_NAME=lab-router
QR_PORT=1c2d3e4f-a0b1-4c2d-8e3f-405162738495; QR_DEV=qr-1c2d3e4f-a0; QR_MAC=fa:16:3e:aa:00:01
QG_PORT=2d3e4f50-b1c2-4d3e-9f40-5162738495a6; QG_DEV=qg-2d3e4f50-b1; QG_MAC=fa:16:3e:bb:00:01
GATEWAY_IP=10.20.0.1
EXT_NET_ID=9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a; EXT_SUBNET_ID=af9e8d7c-6b5a-4493-9281-706f5e4d3c2b
EXT_GW=172.24.4.1; QG_IP=172.24.4.5; FIP=172.24.4.10
FIP_ID=c0d1e2f3-a4b5-4c6d-8e7f-8091a2b3c4d5
QROUTER=qrouter-$ROUTER_ID

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

# The router of the VMs' network, built as neutron's L3 agent builds a legacy router with the OVS
# interface driver: a qrouter-<router id> namespace holding the gateway port qr- (an OVS internal
# port of br-int on the network's local VLAN, moved into the namespace) and the external gateway
# port qg- (an internal port of the provider bridge br-ex) with the router's external address and
# vm1's floating IP; the l3 agent's NAT chains map the floating IP to vm1 and back, and SNAT
# the rest of the network to the router's external address. The external side is a namespace
# holding the external network's gateway on br-ex. The namespace's own name is the lab's;
# compute-a's collector sees it as qrouter-<router id> (host_views).
build_router() {
  local hns=$P-ha rns=$P-router ext=$P-ext
  new_ns "$rns"
  in_ns "$rns" sysctl -qw net.ipv4.ip_forward=1
  router_port br-int "$QR_DEV" "$QR_PORT" "$QR_MAC" tag="${LOCAL_VLAN[a]}"
  in_ns "$rns" ip addr add "$GATEWAY_IP/24" dev "$QR_DEV"
  add_bridge a br-ex
  router_port br-ex "$QG_DEV" "$QG_PORT" "$QG_MAC"
  in_ns "$rns" ip addr add "$QG_IP/24" dev "$QG_DEV"
  in_ns "$rns" ip addr add "$FIP/32" dev "$QG_DEV"
  in_ns "$rns" ip route add default via "$EXT_GW" dev "$QG_DEV"
  new_ns "$ext"
  in_ns "$hns" ip link add ext0 type veth peer name eth0 netns "$ext"
  in_ns "$hns" ip link set ext0 up
  ovs a ovs-vsctl add-port br-ex ext0
  in_ns "$ext" ip link set eth0 address fa:16:3e:ee:00:01
  in_ns "$ext" ip addr add "$EXT_GW/24" dev eth0
  in_ns "$ext" ip link set eth0 up
  in_ns "$rns" iptables-restore <<EOF
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:neutron-l3-agent-OUTPUT - [0:0]
:neutron-l3-agent-POSTROUTING - [0:0]
:neutron-l3-agent-PREROUTING - [0:0]
:neutron-l3-agent-float-snat - [0:0]
:neutron-l3-agent-snat - [0:0]
:neutron-postrouting-bottom - [0:0]
-A PREROUTING -j neutron-l3-agent-PREROUTING
-A OUTPUT -j neutron-l3-agent-OUTPUT
-A POSTROUTING -j neutron-l3-agent-POSTROUTING
-A POSTROUTING -j neutron-postrouting-bottom
-A neutron-l3-agent-OUTPUT -d $FIP/32 -j DNAT --to-destination $VM1_IP
-A neutron-l3-agent-POSTROUTING ! -o $QG_DEV -m conntrack ! --ctstate DNAT -j ACCEPT
-A neutron-l3-agent-PREROUTING -d $FIP/32 -i $QG_DEV -j DNAT --to-destination $VM1_IP
-A neutron-l3-agent-float-snat -s $VM1_IP/32 -j SNAT --to-source $FIP --random-fully
-A neutron-l3-agent-snat -j neutron-l3-agent-float-snat
-A neutron-l3-agent-snat -o $QG_DEV -j SNAT --to-source $QG_IP --random-fully
-A neutron-postrouting-bottom -m comment --comment "Perform source NAT on outgoing traffic." -j neutron-l3-agent-snat
COMMIT
EOF
}

router_port() { # bridge dev port mac [port settings]
  local br=$1 dev=$2 port=$3 mac=$4
  shift 4
  ovs a ovs-vsctl add-port "$br" "$dev" ${1:+-- set port "$dev" "$@"} -- set interface "$dev" type=internal \
    external_ids:iface-id="$port" external_ids:attached-mac="$mac" external_ids:iface-status=active
  wait_for_link "$P-ha" "$dev"
  in_ns "$P-ha" ip link set "$dev" netns "$P-router"
  in_ns "$P-router" ip link set "$dev" address "$mac"
  in_ns "$P-router" ip link set "$dev" up
}

# What `ip netns` lists on each host: compute-a the router's namespace (as qrouter-<router id>),
# compute-b none. The collectors run with these folders as their /run/netns.
host_views() {
  mkdir -p "$LAB/netns-a" "$LAB/netns-b"
  touch "$LAB/netns-a/$QROUTER"
  mount --bind "/run/netns/$P-router" "$LAB/netns-a/$QROUTER"
  VIEW_MOUNTS+=("$LAB/netns-a/$QROUTER")
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
  # shellcheck disable=SC2016 # $1, $2 and $@ belong to the inner shell
  OVS_RUNDIR=$LAB/$h OVS_DBDIR=$LAB/$h OVS_LOGDIR=$LAB/$h ip netns exec "$P-h$h" \
    unshare --uts --mount bash -c 'hostname "$1"; mount --rbind "$2" /run/netns; shift 2; exec bash "$@"' \
    _ "${HOSTNAME_OF[$h]}" "$LAB/netns-$h" "$COLLECTOR" "$@" -o "$dir"
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
    misdeliver)
      # vm2's echo requests to vm3 are sent to vm1's port by a rule above the switch's NORMAL:
      # they reach vm1's tap (which drops them: not its MAC) instead of the tunnel
      local of
      of=$(ovs a ovs-vsctl get interface "qvo$VM1_DEV" ofport)
      ovs a ovs-ofctl add-flow br-int "cookie=0xbad,table=0,priority=210,icmp,nw_src=$VM2_IP,nw_dst=$VM3_IP,actions=output:$of" ;;
    group-drop)
      # Echo replies to vm1 are sent through an OpenFlow select group that has no bucket: the
      # rule names vm1's address, but its action is the group, which outputs nowhere.
      ovs a ovs-ofctl -O OpenFlow13 add-group br-int "group_id=7,type=select"
      ovs a ovs-ofctl -O OpenFlow13 add-flow br-int "table=0,priority=200,icmp,nw_dst=$VM1_IP,icmp_type=0,actions=group:7" ;;
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
    router-port-down)
      # the router's gateway port goes down inside its namespace: vm1's pings to its gateway and
      # beyond die on br-int
      in_ns "$P-router" ip link set "$QR_DEV" down ;;
    route-missing)
      # the router loses its connected route to the VMs' subnet: requests arrive on qr-, the
      # replies leave by the default route out of qg-
      in_ns "$P-router" ip route del 10.20.0.0/24 dev "$QR_DEV" ;;
    dnat-missing)
      # the floating IP's DNAT rules are gone; the SNAT half stays
      in_ns "$P-router" iptables -t nat -D neutron-l3-agent-PREROUTING -d "$FIP/32" -i "$QG_DEV" -j DNAT --to-destination "$VM1_IP"
      in_ns "$P-router" iptables -t nat -D neutron-l3-agent-OUTPUT -d "$FIP/32" -j DNAT --to-destination "$VM1_IP" ;;
    qr-wrong-tag)
      # the gateway port lands on another local VLAN than the network's: br-int keeps the VMs'
      # frames away from it
      ovs a ovs-vsctl set port "$QR_DEV" tag=2 ;;
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
  security_groups "$dir"
  router_tables "$dir"
}

# The router as neutron's CLI shows it: the router (legacy: not distributed, SNAT on), its ports
# (the gateway port's port-show links it to the VMs' network), both subnets with their gateways and
# pools, both networks (MTU, router:external) and vm1's floating IP.
router_tables() { # dir
  local dir=$1 gw_info
  gw_info=$(printf '{"network_id": "%s", "enable_snat": true, "external_fixed_ips": [{"subnet_id": "%s", "ip_address": "%s"}]}' \
    "$EXT_NET_ID" "$EXT_SUBNET_ID" "$QG_IP")
  {
    printf 'id\tname\texternal_gateway_info\tdistributed\tha\n'
    printf '%s\t%s\t%s\tFalse\tFalse\n' "$ROUTER_ID" "$ROUTER_NAME" "$gw_info"
  } | table >"$dir/neutron_router-list"
  {
    printf 'Field\tValue\n'
    printf 'admin_state_up\tTrue\n'
    printf 'distributed\tFalse\n'
    printf 'external_gateway_info\t%s\n' "$gw_info"
    printf 'ha\tFalse\n'
    printf 'id\t%s\n' "$ROUTER_ID"
    printf 'name\t%s\n' "$ROUTER_NAME"
    printf 'routes\t\n'
    printf 'status\tACTIVE\n'
    printf 'tenant_id\t%s\n' "$TENANT"
  } | table >"$dir/neutron_router-show_$ROUTER_ID"
  {
    printf 'id\tname\tmac_address\tfixed_ips\n'
    printf '%s\t\t%s\t{"subnet_id": "%s", "ip_address": "%s"}\n' "$QR_PORT" "$QR_MAC" "$SUBNET_ID" "$GATEWAY_IP"
    printf '%s\t\t%s\t{"subnet_id": "%s", "ip_address": "%s"}\n' "$QG_PORT" "$QG_MAC" "$EXT_SUBNET_ID" "$QG_IP"
  } | table >"$dir/neutron_router-port-list_$ROUTER_ID"
  router_port_show "$dir" "$QR_PORT" "$QR_MAC" network:router_interface "$NET_ID" "$SUBNET_ID" "$GATEWAY_IP"
  router_port_show "$dir" "$QG_PORT" "$QG_MAC" network:router_gateway "$EXT_NET_ID" "$EXT_SUBNET_ID" "$QG_IP"
  {
    printf 'id\tname\tsubnets\n'
    printf '%s\tlab-net\t%s 10.20.0.0/24\n' "$NET_ID" "$SUBNET_ID"
    printf '%s\tlab-ext\t%s 172.24.4.0/24\n' "$EXT_NET_ID" "$EXT_SUBNET_ID"
  } | table >"$dir/neutron_net-list"
  {
    printf 'id\tname\tcidr\tallocation_pools\n'
    printf '%s\tlab-subnet\t10.20.0.0/24\t{"start": "10.20.0.2", "end": "10.20.0.254"}\n' "$SUBNET_ID"
    printf '%s\tlab-ext-subnet\t172.24.4.0/24\t{"start": "172.24.4.2", "end": "172.24.4.254"}\n' "$EXT_SUBNET_ID"
  } | table >"$dir/neutron_subnet-list"
  subnet_show "$dir" "$SUBNET_ID" lab-subnet "$NET_ID" 10.20.0.0/24 "$GATEWAY_IP" 10.20.0.2 10.20.0.254 True
  subnet_show "$dir" "$EXT_SUBNET_ID" lab-ext-subnet "$EXT_NET_ID" 172.24.4.0/24 "$EXT_GW" 172.24.4.2 172.24.4.254 False
  net_show "$dir" "$NET_ID" lab-net 1450 False vxlan "$VNI" "$SUBNET_ID"
  net_show "$dir" "$EXT_NET_ID" lab-ext 1500 True flat "" "$EXT_SUBNET_ID"
  {
    printf 'id\tfixed_ip_address\tfloating_ip_address\tport_id\n'
    printf '%s\t%s\t%s\t%s\n' "$FIP_ID" "$VM1_IP" "$FIP" "$VM1_PORT"
  } | table >"$dir/neutron_floatingip-list"
}

router_port_show() { # dir port mac owner net subnet ip
  {
    printf 'Field\tValue\n'
    printf 'admin_state_up\tTrue\n'
    printf 'binding:host_id\t%s\n' "$VM1_HOST"
    printf 'binding:vif_type\tovs\n'
    printf 'device_id\t%s\n' "$ROUTER_ID"
    printf 'device_owner\t%s\n' "$4"
    printf 'fixed_ips\t{"subnet_id": "%s", "ip_address": "%s"}\n' "$6" "$7"
    printf 'id\t%s\n' "$2"
    printf 'mac_address\t%s\n' "$3"
    printf 'name\t\n'
    printf 'network_id\t%s\n' "$5"
    printf 'status\tACTIVE\n'
    printf 'tenant_id\t%s\n' "$TENANT"
  } | table >"$1/neutron_port-show_$2"
}

subnet_show() { # dir id name net cidr gateway pool-start pool-end dhcp
  {
    printf 'Field\tValue\n'
    printf 'allocation_pools\t{"start": "%s", "end": "%s"}\n' "$7" "$8"
    printf 'cidr\t%s\n' "$5"
    printf 'dns_nameservers\t\n'
    printf 'enable_dhcp\t%s\n' "$9"
    printf 'gateway_ip\t%s\n' "$6"
    printf 'host_routes\t\n'
    printf 'id\t%s\n' "$2"
    printf 'ip_version\t4\n'
    printf 'name\t%s\n' "$3"
    printf 'network_id\t%s\n' "$4"
    printf 'tenant_id\t%s\n' "$TENANT"
  } | table >"$1/neutron_subnet-show_$2"
}

net_show() { # dir id name mtu external type segment subnet
  {
    printf 'Field\tValue\n'
    printf 'admin_state_up\tTrue\n'
    printf 'id\t%s\n' "$2"
    printf 'mtu\t%s\n' "$4"
    printf 'name\t%s\n' "$3"
    printf 'provider:network_type\t%s\n' "$6"
    printf 'provider:physical_network\t%s\n' "$([[ $6 == flat ]] && echo public)"
    printf 'provider:segmentation_id\t%s\n' "$7"
    printf 'router:external\t%s\n' "$5"
    printf 'shared\tFalse\n'
    printf 'status\tACTIVE\n'
    printf 'subnets\t%s\n' "$8"
    printf 'tenant_id\t%s\n' "$TENANT"
  } | table >"$1/neutron_net-show_$2"
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
build_router
for vm in vm1 vm2 vm3; do
  in_ns "$P-$vm" ip route add default via "$GATEWAY_IP"
done
host_views

log "warming up (underlay and VM ARP caches)"
in_ns "$P-ha" ping -c 2 -W 1 -q "${UNDERLAY_IP[b]}" >/dev/null || log "underlay ping failed"
in_ns "$P-hb" ping -c 2 -W 1 -q "${UNDERLAY_IP[a]}" >/dev/null || true
in_ns "$P-vm1" ping -c 2 -W 1 -q "$VM2_IP" >/dev/null || log "warm-up vm1 -> vm2 failed"
in_ns "$P-vm1" ping -c 2 -W 1 -q "$VM3_IP" >/dev/null || log "warm-up vm1 -> vm3 failed"
in_ns "$P-vm2" ping -c 1 -W 1 -q "$VM3_IP" >/dev/null || true
in_ns "$P-vm1" ping -c 2 -W 1 -q "$GATEWAY_IP" >/dev/null || log "warm-up vm1 -> gateway failed"
in_ns "$P-vm1" ping -c 2 -W 1 -q "$EXT_GW" >/dev/null || log "warm-up vm1 -> external failed"

log "capturing on every hop of every VM (vmflow-collect capture)"
collector a "$OUT/work/compute-a/capture-vm1" capture --vm "$VM1_PORT" --in-netns "$QROUTER" --seconds "$CAPTURE_SECONDS" >"$LAB/collect-vm1.log" 2>&1 &
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
if [[ $SCENARIO == misdeliver ]]; then
  in_ns "$P-vm2" ping -c "$COUNT" -i 0.2 -W 1 "$VM3_IP" >"$LAB/ping-vm2-vm3.txt" 2>&1 &
  p5=$!
fi
if [[ $SCENARIO == underlay-mtu ]]; then
  in_ns "$P-vm1" ping -c "$COUNT" -i 0.2 -W 1 -s 1400 "$VM3_IP" >"$LAB/ping-vm1-vm3-large.txt" 2>&1 || true
fi
in_ns "$P-vm1" ping -c "$COUNT" -i 0.2 -W 1 "$GATEWAY_IP" >"$LAB/ping-gw.txt" 2>&1 &
p3=$!
in_ns "$P-vm1" ping -c "$COUNT" -i 0.2 -W 1 "$EXT_GW" >"$LAB/ping-ext.txt" 2>&1 &
p4=$!
if [[ $SCENARIO == tap-mtu ]]; then
  # frames of 1442 bytes (1400 + ICMP, IP and Ethernet headers): larger than vm1's tap takes
  in_ns "$P-vm2" ping -c "$COUNT" -i 0.2 -W 1 -s 1400 "$VM1_IP" >"$LAB/ping-vm2-vm1.txt" 2>&1 || true
fi
wait "$p1" || true
wait "$p2" || true
wait "$p3" || true
wait "$p4" || true
if [[ $SCENARIO == misdeliver ]]; then
  wait "$p5" || true
  tail -n 2 "$LAB/ping-vm2-vm3.txt" | head -n 1 | sed "s/^/run-lab: vm2 -> vm3: /" >&2
  cp "$LAB/ping-vm2-vm3.txt" "$OUT/ping-vm2-vm3.txt"
fi
for t in vm2:vm2 vm3:vm3 gw:gateway ext:external; do
  tail -n 2 "$LAB/ping-${t%%:*}.txt" | head -n 1 | sed "s/^/run-lab: vm1 -> ${t##*:}: /" >&2
done
cp "$LAB/ping-vm2.txt" "$OUT/ping-vm1-vm2.txt"
cp "$LAB/ping-vm3.txt" "$OUT/ping-vm1-vm3.txt"
cp "$LAB/ping-gw.txt" "$OUT/ping-vm1-gateway.txt"
cp "$LAB/ping-ext.txt" "$OUT/ping-vm1-external.txt"
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
