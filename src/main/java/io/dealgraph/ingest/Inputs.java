package io.dealgraph.ingest;

import io.dealgraph.extract.Document;
import io.dealgraph.extract.DocumentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The checks every input passes before anything is extracted or written: a size limit, not empty, text rather
 * than binary, valid UTF-8, parseable when it claims to be JSON, and with some text in it. The same checks for
 * files, uploads and request bodies, so a document refused by one door is refused by all.
 */
public final class Inputs {

    private final long maxBytes;

    public Inputs(IngestSettings settings) {
        this.maxBytes = settings.maxDocumentSize().toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads a file (refusing an oversized one before reading it) into its documents. */
    public List<Document> read(Path file, LocalDate defaultPublished) throws RejectedInputException, IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(size);
        }
        return parse(file.getFileName().toString(), Files.readAllBytes(file), defaultPublished);
    }

    /** Reads at most the size limit from a stream (an HTTP body); more than that is refused. */
    public byte[] readLimited(InputStream in) throws RejectedInputException, IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(-1);
        }
        return bytes;
    }

    /**
     * Checks and parses one input. The name's extension picks the format as for files ({@code .jsonl}, {@code .json},
     * {@code .html}, else text or Markdown).
     */
    public List<Document> parse(String name, byte[] bytes, LocalDate defaultPublished) throws RejectedInputException {
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length);
        }
        String text = decode(bytes);
        List<Document> docs;
        try {
            docs = DocumentReader.parse(name, text, defaultPublished);
        } catch (IOException e) {
            throw new RejectedInputException(e.getMessage());
        }
        if (docs.isEmpty()) {
            throw new RejectedInputException("it holds no records (only blank lines)");
        }
        for (Document d : docs) {
            if (d.text().isBlank()) {
                throw new RejectedInputException(docs.size() == 1 ? "it has no text"
                        : "record " + d.id() + " has no text (give \"text\" or \"html\")");
            }
        }
        return docs;
    }

    /** Strict UTF-8: a document with bytes that are not UTF-8 is refused, not silently altered. */
    static String decode(byte[] bytes) throws RejectedInputException {
        if (bytes.length == 0) {
            throw new RejectedInputException("it is empty");
        }
        int controls = 0;
        int sample = Math.min(bytes.length, 8192);
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new RejectedInputException("it is binary, not text (a NUL byte at offset " + i + ")");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        if (controls > sample / 10) {
            throw new RejectedInputException("it is binary, not text (" + controls + " control bytes in the first " + sample + ")");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = utf8.decode(in).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (MalformedInputException e) {
            throw new RejectedInputException("it is not valid UTF-8 (bad byte sequence at offset " + in.position()
                    + "); convert it to UTF-8 first");
        } catch (CharacterCodingException e) {
            throw new RejectedInputException("it is not valid UTF-8: " + e.getMessage());
        }
    }

    private RejectedInputException tooLarge(long size) {
        String mb = String.format(java.util.Locale.ROOT, "%.1f MB", maxBytes / 1_048_576.0);
        return new RejectedInputException((size >= 0 ? "it is " + String.format(java.util.Locale.ROOT, "%.1f MB", size / 1_048_576.0)
                : "it is larger than " + mb) + ", over the " + mb + " limit (DEALGRAPH_MAX_DOCUMENT_SIZE)", true);
    }
}
