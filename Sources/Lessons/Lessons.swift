public enum Lessons {}
