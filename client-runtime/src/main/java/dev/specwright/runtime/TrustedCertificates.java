package dev.specwright.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS contexts behind {@link ClientOptions.Builder#truststore} and {@link ClientOptions.Builder#trustedCertificates}. */
final class TrustedCertificates {

    private TrustedCertificates() {}

    /** A context trusting exactly the certificates of a PKCS12 or JKS file (the type is read from the file). */
    static SSLContext fromTruststore(Path path, char[] password) {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("truststore " + path + " is not a readable file; give the path of a"
                    + " PKCS12 (.p12) or JKS (.jks) file");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(path.toFile(), password);
        } catch (IOException | GeneralSecurityException e) {
            // the message names the file and the cause's kind, never the password
            throw new IllegalArgumentException("cannot read the truststore " + path + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); it must be PKCS12 or JKS, and the"
                    + " password the one it was written with", e);
        }
        return context(store, "truststore " + path);
    }

    /** A context trusting exactly the X.509 certificates in {@code pem} (one or more {@code BEGIN CERTIFICATE} blocks). */
    static SSLContext fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustedCertificates: not PEM certificates (" + e.getMessage() + "); give"
                    + " the text of one or more -----BEGIN CERTIFICATE----- blocks, e.g. Files.readString(caFile)", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("trustedCertificates: no certificate in the text; give one or more"
                    + " -----BEGIN CERTIFICATE----- blocks");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            return context(store, "the PEM certificates");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the PEM certificates in a key store: " + e.getMessage(), e);
        }
    }

    private static SSLContext context(KeyStore store, String what) {
        try {
            if (!store.aliases().hasMoreElements()) {
                throw new IllegalArgumentException(what + " holds no certificate; a client trusting nothing reaches no server");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context from " + what + ": " + e.getMessage(), e);
        }
    }
}
