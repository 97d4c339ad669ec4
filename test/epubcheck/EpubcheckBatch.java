import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import com.adobe.epubcheck.tool.EpubChecker;

/**
 * EPUBCheck for many books in one JVM: each stdin line is "BOOK<TAB>REPORT.json"; each answer line
 * on stdout is EPUBCheck's exit code for that book. The first check in a JVM loads and compiles
 * the schemas (~7 s idle, 20 s on a busy machine); each one after takes about a second.
 */
public class EpubcheckBatch {
  public static void main(String[] args) throws Exception {
    PrintStream answers = System.out;
    // EPUBCheck prints its own lines on System.out; they must not mix with the answers.
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] job = line.split("\t");
      int code;
      try {
        code = new EpubChecker().run(new String[] { job[0], "--json", job[1], "--quiet" });
      } catch (Throwable t) {
        t.printStackTrace();
        code = 70;
      }
      answers.println(code);
      answers.flush();
    }
  }
}
