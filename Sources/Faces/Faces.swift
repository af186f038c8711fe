public enum Faces {}
