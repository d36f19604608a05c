package io.github.exchangeblocks.examples.cluster;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.ThreadLocalRandom;

/** Finds a port range whose UDP ports for every member are free on loopback now (tests run beside other builds). */
final class ClusterPorts {
    private ClusterPorts() {
    }

    static int freeBase(int members) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + ThreadLocalRandom.current().nextInt(4000) * ClusterNodeConfig.PORTS_PER_MEMBER;
            if (allFree(base, members * ClusterNodeConfig.PORTS_PER_MEMBER)) {
                return base;
            }
        }
        throw new IllegalStateException("no free UDP port range on loopback after 200 tries");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (DatagramSocket socket = new DatagramSocket(null)) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (SocketException taken) {
                return false;
            }
        }
        return true;
    }
}
