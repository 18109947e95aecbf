import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** java.io character streams: BufferedReader over StringReader, StringWriter, PrintWriter, BufferedWriter. */
public class ReadersWriters {
    public static void main(String[] args) throws IOException {
        String text = "first line\nsecond line\r\nthird\r\n\nfifth without newline";
        try (BufferedReader br = new BufferedReader(new StringReader(text))) {
            String line;
            int n = 0;
            while ((line = br.readLine()) != null) System.out.println(++n + ": [" + line + "]");
        }
        StringReader sr = new StringReader("abcdef");
        char[] buf = new char[4];
        int got = sr.read(buf, 0, 4);
        System.out.println(got + " " + new String(buf, 0, got) + " " + (char) sr.read() + " " + sr.skip(10) + " " + sr.read());
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        pw.println("table:");
        for (int i = 1; i <= 3; i++) pw.printf("%d squared is %3d%n", i, i * i);
        pw.print(2.5);
        pw.print(' ');
        pw.print(true);
        pw.println();
        pw.write("written", 0, 5);
        pw.flush();
        System.out.print(sw);
        System.out.println("|" + sw.toString().length());
        StringWriter sw2 = new StringWriter();
        try (BufferedWriter bw = new BufferedWriter(sw2)) {
            bw.write("buffered");
            bw.newLine();
            bw.write(65);
            bw.write(new char[] {'x', 'y', 'z'}, 1, 2);
        }
        System.out.println(sw2.toString().replace("\n", "\\n"));
        BufferedReader r = new BufferedReader(new StringReader("xyz"), 1);
        System.out.println((char) r.read() + "" + (char) r.read() + r.readLine() + " " + r.readLine());
        StringWriter w = new StringWriter();
        w.append("app").append('e').append("ndix", 0, 3).write(33);
        System.out.println(w.getBuffer().reverse());
        PrintWriter out = new PrintWriter(System.out, true);
        out.println("PrintWriter on System.out");
        out.printf("%s=%d%n", "answer", 42);
        out.flush();
    }
}
