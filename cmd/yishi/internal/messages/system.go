package messages

// zhSystem is the Chinese of what the operating system says: the reasons
// and operations of the file system's errors, printed with the path kept
// as it is. Its keys are the system's words, not formats of yishi's code.
var zhSystem = map[string]string{
	"system: %s %s: %v":    "%[1]s %[2]s 失败：%[3]v",
	"system: %s %s %s: %v": "%[1]s %[2]s → %[3]s 失败：%[4]v",

	"no such file or directory": "文件或文件夹不存在",
	"permission denied":         "没有权限",
	"file exists":               "文件已存在",
	"is a directory":            "这是一个文件夹",
	"not a directory":           "不是文件夹",
	"no space left on device":   "磁盘空间已满",
	"read-only file system":     "文件系统只读",
	"directory not empty":       "文件夹不是空的",

	"op open":       "打开",
	"op read":       "读取",
	"op write":      "写入",
	"op stat":       "查看",
	"op lstat":      "查看",
	"op mkdir":      "创建文件夹",
	"op remove":     "删除",
	"op rename":     "重命名",
	"op readdirent": "读取文件夹",
	"op fdopendir":  "读取文件夹",
	"op openat":     "打开",
	"op unlinkat":   "删除",
	"op chmod":      "修改权限",
	"op sync":       "写入磁盘",
	"op close":      "关闭",
}
