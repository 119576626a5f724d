package io.tradingcore.adapters.redis.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of CLUSTER NODES: {@code <id> <ip:port@cport> <flags> <master-id|-> <ping> <pong> <epoch>
 * <link> <slot ranges...>}; slot ranges being migrated ({@code [slot->-id]}) are left out. A node in
 * {@code handshake} is one being met, under a provisional id.
 */
record NodeRow(String id, int port, boolean master, boolean handshake, String masterId, List<int[]> slots)
{
    static NodeRow parse(final String line)
    {
        final String[] f = line.trim().split(" ");
        final String address = f[1];
        final int port = Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
        final List<int[]> slots = new ArrayList<>();
        for (int i = 8; i < f.length; i++)
        {
            if (f[i].startsWith("["))
            {
                continue;
            }
            final int dash = f[i].indexOf('-');
            final int first = Integer.parseInt(dash < 0 ? f[i] : f[i].substring(0, dash));
            slots.add(new int[] {first, dash < 0 ? first : Integer.parseInt(f[i].substring(dash + 1))});
        }
        final boolean master = f[2].contains("master") && !f[2].contains("fail");
        return new NodeRow(f[0], port, master, f[2].contains("handshake"), "-".equals(f[3]) ? null : f[3], slots);
    }

    boolean owns(final int slot)
    {
        return slots.stream().anyMatch(range -> range[0] <= slot && slot <= range[1]);
    }

    int lowestSlot()
    {
        return slots.stream().mapToInt(range -> range[0]).min().orElse(Integer.MAX_VALUE);
    }
}
