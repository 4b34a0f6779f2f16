package io.incore.websocket;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate generated for the test run, and the TLS contexts of a server presenting it and of a
 * client trusting it.
 *
 * @param certificate the certificate
 * @param keyPair its key pair
 */
public record TestCertificates(X509Certificate certificate, KeyPair keyPair) {

	private static final char[] PASSWORD = "changeit".toCharArray();

	/**
	 * Generates a certificate whose subject alternative names are the given DNS name and IP address.
	 */
	public static TestCertificates generate(String dnsName, String ipAddress) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=" + dnsName);
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(2))), subject, keyPair.getPublic());
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
					new GeneralName(GeneralName.dNSName, dnsName), new GeneralName(GeneralName.iPAddress, ipAddress) }));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
			return new TestCertificates(certificate, keyPair);
		}
		catch (GeneralSecurityException | OperatorCreationException | java.io.IOException ex) {
			throw new IllegalStateException("Could not generate a test certificate", ex);
		}
	}

	/**
	 * Writes the certificate and its private key as PEM files, as Spring Boot SSL bundles read them.
	 * @param directory where to write {@code certificate.pem} and {@code private-key.pem}
	 * @return the certificate file; the key file is beside it
	 */
	public Path writePem(Path directory) {
		try {
			Files.createDirectories(directory);
			Path certificateFile = directory.resolve("certificate.pem");
			Files.writeString(certificateFile, pem("CERTIFICATE", this.certificate.getEncoded()));
			Files.writeString(directory.resolve("private-key.pem"),
					pem("PRIVATE KEY", this.keyPair.getPrivate().getEncoded()));
			return certificateFile;
		}
		catch (java.io.IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	SSLContext serverContext() {
		try {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry("server", this.keyPair.getPrivate(), PASSWORD,
					new X509Certificate[] { this.certificate });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore, PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public SSLContext trustingClientContext() {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			trustStore.setCertificateEntry("server", this.certificate);
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
