package io.tradingcore.adapters.kraken;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away EC certificate for 127.0.0.1 made with the JDK's keytool at test time (never
 * committed): SAN=ip:127.0.0.1, because the client verifies the hostname.
 */
final class TestCertificate
{
    private final KeyStore keyStore;
    private final char[] password;

    private TestCertificate(final KeyStore keyStore, final char[] password)
    {
        this.keyStore = keyStore;
        this.password = password;
    }

    static TestCertificate generate(final Path dir) throws Exception
    {
        final Path file = dir.resolve("simulator.p12");
        final String password = UUID.randomUUID().toString();
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        final Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "simulator", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "1",
            "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password)
            .redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IllegalStateException("keytool failed: " + output);
        }
        final KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file))
        {
            keyStore.load(in, password.toCharArray());
        }
        return new TestCertificate(keyStore, password.toCharArray());
    }

    SslContext serverContext() throws Exception
    {
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).build();
    }

    TrustManagerFactory trust() throws Exception
    {
        final KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("simulator", keyStore.getCertificate("simulator"));
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }
}
