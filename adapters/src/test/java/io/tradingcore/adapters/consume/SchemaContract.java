package io.tradingcore.adapters.consume;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates documents against the repo's JSON Schemas ({@code schemas/<type>.schema.json}, draft
 * 2020-12, formats asserted) with networknt json-schema-validator. The schemas folder is found by
 * walking up from the working directory, so any module's tests can use it.
 */
public final class SchemaContract
{
    public static final List<String> TYPES = List.of("signal", "order.intent", "metrics.tick");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaContract()
    {
    }

    /** The violations of {@code document} against the schema of {@code type}; empty when it is valid. */
    public static List<String> validate(final String type, final JsonNode document)
    {
        final List<String> violations = new ArrayList<>();
        for (final Error error : SCHEMAS.computeIfAbsent(type, SchemaContract::load).validate(document))
        {
            violations.add(error.toString());
        }
        return violations;
    }

    /** Rebuilds a stream entry ({@link StreamEntryDocuments}) and validates it against the schema its {@code type} field names. */
    public static List<String> validateEntry(final Map<String, String> fields)
    {
        final String type = fields.get("type");
        if (type == null || !TYPES.contains(type))
        {
            return List.of("entry type " + type + " has no schema; schemas exist for " + TYPES);
        }
        return validate(type, StreamEntryDocuments.rebuild(fields));
    }

    /** The folder holding the schemas. */
    public static Path schemasDirectory()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("schemas");
            if (Files.isRegularFile(candidate.resolve("signal.schema.json")))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("no schemas/signal.schema.json above " + Path.of("").toAbsolutePath());
    }

    private static Schema load(final String type)
    {
        if (!TYPES.contains(type))
        {
            throw new IllegalArgumentException("no schema for type " + type + "; known: " + TYPES);
        }
        try (InputStream in = Files.newInputStream(schemasDirectory().resolve(type + ".schema.json")))
        {
            return REGISTRY.getSchema(in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
