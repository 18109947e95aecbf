package java.util;

/**
 * RFC 4648 Base64 (basic and URL-safe alphabets) and RFC 2045 MIME (76-character lines ending
 * "\r\n"). Decoding errors raise IllegalArgumentException with the JDK's messages.
 */
public class Base64 {
    private Base64() {
    }

    private static final char[] TO_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final char[] TO_BASE64_URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    public static Encoder getEncoder() {
        return new Encoder(false, -1, null, true);
    }

    public static Encoder getUrlEncoder() {
        return new Encoder(true, -1, null, true);
    }

    public static Encoder getMimeEncoder() {
        return new Encoder(false, 76, new byte[] {'\r', '\n'}, true);
    }

    public static Encoder getMimeEncoder(int lineLength, byte[] lineSeparator) {
        for (byte b : lineSeparator) {
            if (b >= 0 && b < 128 && indexOf(TO_BASE64, (char) b) >= 0 || b == '=') {
                throw new IllegalArgumentException("Illegal base64 line separator character 0x" + Integer.toString(b, 16));
            }
        }
        lineLength &= ~0b11;
        if (lineLength <= 0) return getEncoder();
        return new Encoder(false, lineLength, lineSeparator.clone(), true);
    }

    public static Decoder getDecoder() {
        return new Decoder(false, false);
    }

    public static Decoder getUrlDecoder() {
        return new Decoder(true, false);
    }

    public static Decoder getMimeDecoder() {
        return new Decoder(false, true);
    }

    private static int indexOf(char[] a, char c) {
        for (int i = 0; i < a.length; i++) if (a[i] == c) return i;
        return -1;
    }

    public static class Encoder {
        private final boolean isURL;
        private final int lineMax;
        private final byte[] newline;
        private final boolean doPadding;

        Encoder(boolean isURL, int lineMax, byte[] newline, boolean doPadding) {
            this.isURL = isURL;
            this.lineMax = lineMax;
            this.newline = newline;
            this.doPadding = doPadding;
        }

        public byte[] encode(byte[] src) {
            char[] alphabet = isURL ? TO_BASE64_URL : TO_BASE64;
            StringBuilder out = new StringBuilder();
            int lineLen = 0;
            int i = 0;
            while (i < src.length) {
                int b0 = src[i++] & 0xff;
                int b1 = i < src.length ? src[i] & 0xff : -1;
                if (b1 >= 0) i++;
                int b2 = (b1 >= 0 && i < src.length) ? src[i] & 0xff : -1;
                if (b2 >= 0) i++;
                if (lineMax > 0 && lineLen == lineMax) {
                    for (byte nl : newline) out.append((char) nl);
                    lineLen = 0;
                }
                out.append(alphabet[b0 >> 2]);
                if (b1 < 0) {
                    out.append(alphabet[(b0 << 4) & 0x3f]);
                    if (doPadding) out.append("==");
                } else if (b2 < 0) {
                    out.append(alphabet[(b0 << 4) & 0x3f | (b1 >> 4)]);
                    out.append(alphabet[(b1 << 2) & 0x3f]);
                    if (doPadding) out.append('=');
                } else {
                    out.append(alphabet[(b0 << 4) & 0x3f | (b1 >> 4)]);
                    out.append(alphabet[(b1 << 2) & 0x3f | (b2 >> 6)]);
                    out.append(alphabet[b2 & 0x3f]);
                }
                lineLen += 4;
            }
            byte[] result = new byte[out.length()];
            for (int k = 0; k < result.length; k++) result[k] = (byte) out.charAt(k);
            return result;
        }

        public String encodeToString(byte[] src) {
            byte[] encoded = encode(src);
            char[] chars = new char[encoded.length];
            for (int k = 0; k < chars.length; k++) chars[k] = (char) encoded[k];
            return new String(chars);
        }

        public Encoder withoutPadding() {
            if (!doPadding) return this;
            return new Encoder(isURL, lineMax, newline, false);
        }
    }

    public static class Decoder {
        private final boolean isURL;
        private final boolean isMIME;

        Decoder(boolean isURL, boolean isMIME) {
            this.isURL = isURL;
            this.isMIME = isMIME;
        }

        public byte[] decode(byte[] src) {
            char[] alphabet = isURL ? TO_BASE64_URL : TO_BASE64;
            if (src.length == 1) {
                int b = src[0] & 0xff;
                if (isMIME && (b >= 128 || indexOf(alphabet, (char) b) < 0)) return new byte[0];
                throw new IllegalArgumentException("Input byte[] should at least have 2 bytes for base64 bytes");
            }
            byte[] out = new byte[src.length];
            int n = 0;
            int bits = 0;
            int shiftto = 18;
            int sp = 0;
            while (sp < src.length) {
                int b = src[sp++] & 0xff;
                int v = b < 128 ? indexOf(alphabet, (char) b) : -1;
                if (v < 0) {
                    if (b == '=') {
                        // Padding: "==" after two characters, "=" after three, then the end.
                        if (shiftto == 6 && (sp == src.length || src[sp++] != '=') || shiftto == 18) {
                            throw new IllegalArgumentException("Input byte array has wrong 4-byte ending unit");
                        }
                        break;
                    }
                    if (isMIME) continue;
                    throw new IllegalArgumentException("Illegal base64 character " + Integer.toString(src[sp - 1], 16));
                }
                bits |= (v << shiftto);
                shiftto -= 6;
                if (shiftto < 0) {
                    out[n++] = (byte) (bits >> 16);
                    out[n++] = (byte) (bits >> 8);
                    out[n++] = (byte) bits;
                    shiftto = 18;
                    bits = 0;
                }
            }
            if (shiftto == 6) {
                out[n++] = (byte) (bits >> 16);
            } else if (shiftto == 0) {
                out[n++] = (byte) (bits >> 16);
                out[n++] = (byte) (bits >> 8);
            } else if (shiftto == 12) {
                throw new IllegalArgumentException("Last unit does not have enough valid bits");
            }
            while (sp < src.length) {
                if (isMIME) {
                    int b = src[sp++] & 0xff;
                    if (b < 128 && indexOf(alphabet, (char) b) < 0) continue;
                    sp--;
                }
                throw new IllegalArgumentException("Input byte array has incorrect ending byte at " + sp);
            }
            return Arrays.copyOf(out, n);
        }

        public byte[] decode(String src) {
            byte[] bytes = new byte[src.length()];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) src.charAt(i);
            return decode(bytes);
        }
    }
}
