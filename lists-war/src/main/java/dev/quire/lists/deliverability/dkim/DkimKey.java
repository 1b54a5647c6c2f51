package dev.quire.lists.deliverability.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * A domain's signing key: the selector it is published under and the RSA private key.
 *
 * @param domain the d= domain
 * @param selector the s= selector; the public key is at {@code selector._domainkey.domain}
 * @param privateKey the RSA key
 */
public record DkimKey(String domain, String selector, PrivateKey privateKey) {
    /** Reads an unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) as written by {@code quire dkim --generate}. */
    public static DkimKey fromPem(String domain, String selector, Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IOException(pem + ": PKCS#1 key; convert it with `openssl pkcs8 -topk8 -nocrypt -in " + pem
                    + "`");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DkimKey(domain, selector, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pem + ": not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** The TXT record to publish at {@code selector._domainkey.domain}. */
    public String dnsRecord() {
        try {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            var pub = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pub.getEncoded());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }
}
