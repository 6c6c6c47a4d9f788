// Names Python binds in every module without an import (the `builtins` module).
export const BUILTINS: ReadonlySet<string> = new Set(
  (
    "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod " +
    "compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter " +
    "float format frozenset getattr globals hasattr hash help hex id input int isinstance " +
    "issubclass iter len license list locals map max memoryview min next object oct open ord " +
    "pow print property quit range repr reversed round set setattr slice sorted staticmethod str " +
    "sum super tuple type vars zip __import__ __build_class__ __debug__ __doc__ __name__ " +
    "__file__ __spec__ __loader__ __package__ Ellipsis NotImplemented BaseException Exception " +
    "ArithmeticError AssertionError AttributeError BufferError EOFError ImportError " +
    "ModuleNotFoundError LookupError IndexError KeyError MemoryError NameError OSError " +
    "IOError EnvironmentError NotImplementedError RecursionError ReferenceError RuntimeError " +
    "StopIteration StopAsyncIteration SyntaxError IndentationError TabError SystemError " +
    "SystemExit TypeError UnboundLocalError UnicodeError UnicodeDecodeError UnicodeEncodeError " +
    "UnicodeTranslateError ValueError ZeroDivisionError TimeoutError ConnectionError " +
    "BlockingIOError ChildProcessError BrokenPipeError ConnectionAbortedError " +
    "ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError " +
    "InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError " +
    "Warning UserWarning DeprecationWarning PendingDeprecationWarning SyntaxWarning " +
    "RuntimeWarning FutureWarning ImportWarning UnicodeWarning BytesWarning ResourceWarning " +
    "EncodingWarning GeneratorExit KeyboardInterrupt BaseExceptionGroup ExceptionGroup"
  ).split(" "),
);
