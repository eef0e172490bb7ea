// The translation unit that compiles cmake/pch.cmake's precompiled headers.
