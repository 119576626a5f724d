package io.tradingcore.run;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of DESIGN.md, read from the compiled classes (every type a class names is in its constant
 * pool): core knows neither adapters nor run, adapters do not know run, no stage names another stage,
 * and no stage reaches into another's helpers, so the pinned topology's stages share nothing but the ring
 * slot and the feedback ring the execution stage hands the risk stage.
 */
class LayeringTest
{
    private static final Path ROOT = CoreRun.home();
    private static final String STAGE_PACKAGE = "io/tradingcore/core/stage/";
    private static final Set<String> STAGES = Set.of(
        STAGE_PACKAGE + "NormalizeStage", STAGE_PACKAGE + "SignalStage",
        STAGE_PACKAGE + "RiskStage", STAGE_PACKAGE + "ExecutionStage");
    private static final Pattern STAGE_CLASS = Pattern.compile("io/tradingcore/core/stage/([A-Za-z0-9]+)");
    /**
     * The stage package's classes more than one stage may use: the fills the execution stage hands the risk
     * stage, and the fixed latency buckets any stage exports to the metrics thread.
     */
    private static final Set<String> SHARED = Set.of(STAGE_PACKAGE + "ExecutionFeedback", STAGE_PACKAGE + "LatencyHistogram");

    @Test
    void coreKnowsNeitherAdaptersNorRun() throws IOException
    {
        assertEquals(Set.of(), referencesTo(ROOT.resolve("core/target/classes"), "io/tradingcore/adapters/", "io/tradingcore/run/"));
    }

    @Test
    void adaptersDoNotKnowRun() throws IOException
    {
        assertEquals(Set.of(), referencesTo(ROOT.resolve("adapters/target/classes"), "io/tradingcore/run/"));
    }

    @Test
    void noStageNamesAnotherStage() throws IOException
    {
        final Path stages = ROOT.resolve("core/target/classes/io/tradingcore/core/stage");
        final List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(stages))
        {
            for (final Path file : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".class"))::iterator)
            {
                final String self = "io/tradingcore/core/stage/" + file.getFileName().toString().replaceAll("(\\$.*)?\\.class$", "");
                if (!STAGES.contains(self))
                {
                    continue;
                }
                for (final String name : utf8Constants(file))
                {
                    for (final String other : STAGES)
                    {
                        if (!other.equals(self) && (name.equals(other) || name.contains("L" + other + ";")))
                        {
                            found.add(file.getFileName() + " -> " + other);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noStageReachesIntoAnotherStagesHelpers() throws IOException
    {
        final Path classes = ROOT.resolve("core/target/classes");
        final Map<String, String> owner = new TreeMap<>();
        final Set<String> misplaced = new TreeSet<>();
        for (final String stage : STAGES)
        {
            for (final String helper : stagePackageClosure(classes, stage))
            {
                final String earlier = owner.putIfAbsent(helper, stage);
                if (earlier != null && !SHARED.contains(helper))
                {
                    misplaced.add(helper + " is used by " + earlier + " and " + stage);
                }
            }
        }
        assertEquals(Set.of(), misplaced);
        assertTrue(owner.keySet().containsAll(SHARED), () -> "a shared class no stage uses any more: " + owner.keySet());
    }

    @Test
    void theScanSeesAReferenceWhereThereIsOne() throws IOException
    {
        final Path self = ROOT.resolve("run/target/test-classes/io/tradingcore/run/LayeringTest.class");
        assertTrue(utf8Constants(self).contains("io/tradingcore/run/CoreRun"), "the constant pool names CoreRun");
    }

    /**
     * The stage package's classes {@code stage} uses, directly or through them (other stages excluded: the
     * test above keeps stages from naming each other), nested classes folded into their top-level class.
     */
    private static Set<String> stagePackageClosure(final Path classes, final String stage) throws IOException
    {
        final Set<String> seen = new TreeSet<>();
        final Deque<String> todo = new ArrayDeque<>(List.of(stage));
        while (!todo.isEmpty())
        {
            final String top = todo.pop();
            try (Stream<Path> files = Files.list(classes.resolve(STAGE_PACKAGE)))
            {
                final String simple = top.substring(STAGE_PACKAGE.length());
                for (final Path file : (Iterable<Path>)files.filter(f -> f.getFileName().toString()
                    .matches(Pattern.quote(simple) + "(\\$.*)?\\.class"))::iterator)
                {
                    for (final String name : utf8Constants(file))
                    {
                        final Matcher m = STAGE_CLASS.matcher(name);
                        while (m.find())
                        {
                            final String used = STAGE_PACKAGE + m.group(1);
                            if (!STAGES.contains(used) && seen.add(used))
                            {
                                todo.push(used);
                            }
                        }
                    }
                }
            }
        }
        return seen;
    }

    /** Classes under {@code classes} whose constant pool names a type in one of {@code packages}. */
    private static Set<String> referencesTo(final Path classes, final String... packages) throws IOException
    {
        final Set<String> offenders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes))
        {
            for (final Path file : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".class"))::iterator)
            {
                for (final String name : utf8Constants(file))
                {
                    for (final String forbidden : packages)
                    {
                        if (name.contains(forbidden))
                        {
                            offenders.add(classes.relativize(file) + " -> " + name);
                        }
                    }
                }
            }
        }
        return offenders;
    }

    /** The UTF-8 entries of a class file's constant pool: class names, descriptors, member names, strings. */
    private static List<String> utf8Constants(final Path classFile) throws IOException
    {
        final List<String> names = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw))
        {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            final int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++)
            {
                final int tag = in.readUnsignedByte();
                switch (tag)
                {
                    case 1 -> names.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 ->
                    {
                        in.readLong();
                        i++; // eight-byte constants take two slots
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return names;
    }
}
