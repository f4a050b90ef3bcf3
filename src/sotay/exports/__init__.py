"""Files people download and open in Excel: report templates, and the shared rules that keep them safe."""
