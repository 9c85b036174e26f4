package vn.gov.portal.publishing;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed between two revisions, word by word, on the text a reader sees (tags removed):
 * a board member compares wording, not markup.
 */
public final class RevisionDiff {
    /** A run of words: kept, added or removed. */
    @Serdeable
    public record Part(String kind, String text) {
    }

    private RevisionDiff() {
    }

    public static List<Part> words(String beforeHtml, String afterHtml) {
        List<String> a = tokens(beforeHtml);
        List<String> b = tokens(afterHtml);
        List<Part> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int at = d.getSource().getPosition();
            if (at > i) {
                out.add(new Part("same", String.join(" ", a.subList(i, at))));
            }
            if (d.getType() == DeltaType.DELETE || d.getType() == DeltaType.CHANGE) {
                out.add(new Part("removed", String.join(" ", d.getSource().getLines())));
            }
            if (d.getType() == DeltaType.INSERT || d.getType() == DeltaType.CHANGE) {
                out.add(new Part("added", String.join(" ", d.getTarget().getLines())));
            }
            i = at + d.getSource().size();
        }
        if (i < a.size()) {
            out.add(new Part("same", String.join(" ", a.subList(i, a.size()))));
        }
        return out;
    }

    private static List<String> tokens(String html) {
        String text = html == null ? "" : html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }
}
