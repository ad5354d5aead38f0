package dev.hearth.hardware.source;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in one document, each located by its JSON pointer. */
public final class Problems {

  private final LocatedTree tree;
  private final List<Problem> found = new ArrayList<>();

  public Problems(LocatedTree tree) {
    this.tree = tree;
  }

  public void add(String pointer, String message) {
    found.add(tree.problem(pointer, message));
  }

  public void addAll(List<Problem> problems) {
    found.addAll(problems);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }

  public LocatedTree tree() {
    return tree;
  }
}
