// Vector, Matrix and the seeded generator live in CourseNumerics, which is optimized even in
// debug builds (see Package.swift); every user of CourseSupport sees them as its own.
@_exported import CourseNumerics
