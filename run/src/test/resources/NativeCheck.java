/** Run from the release jar (java -cp lib/trading-core.jar NativeCheck.java): the natives this host needs load. */
public class NativeCheck
{
    public static void main(final String[] args)
    {
        System.out.println(net.openhft.affinity.Affinity.getAffinityImpl().getClass().getSimpleName());
        System.out.println(jnr.constants.platform.Errno.EAGAIN.defined());
        System.out.println(com.kenai.jffi.Platform.getPlatform().getName());
        System.out.println(com.kenai.jffi.MemoryIO.getInstance().allocateMemory(8, true) != 0);
    }
}
