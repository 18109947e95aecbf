/** Multi-dimensional and jagged arrays, array covariance, clone depth, default values, array class names. */
public class Arrays2D {
    public static void main(String[] args) {
        int[][] m = new int[3][4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i][j] = i * 4 + j;
        System.out.println(java.util.Arrays.deepToString(m));
        int[][][] cube = new int[2][3][2];
        cube[1][2][1] = 7;
        System.out.println(java.util.Arrays.deepToString(cube) + " " + cube[1].length + " " + cube[1][2].length);
        int[][] jag = new int[4][];
        for (int i = 0; i < jag.length; i++) { jag[i] = new int[i + 1]; jag[i][i] = i; }
        System.out.println(java.util.Arrays.deepToString(jag));
        long[][] pascal = new long[15][];
        for (int i = 0; i < pascal.length; i++) {
            pascal[i] = new long[i + 1];
            pascal[i][0] = pascal[i][i] = 1;
            for (int j = 1; j < i; j++) pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
        }
        System.out.println(java.util.Arrays.toString(pascal[14]));
        int[][] shallow = m.clone();
        shallow[0][0] = 99;
        shallow[1] = new int[] {-1};
        System.out.println(m[0][0] + " " + m[1].length + " " + shallow[1].length);
        Object[] objs = new Integer[2];
        objs[0] = 5;
        System.out.println(objs.getClass().getSimpleName() + " " + objs[0] + " " + objs[1]);
        boolean[] bs = new boolean[2];
        char[] cs = new char[2];
        double[] ds = new double[2];
        String[] ss = new String[2];
        System.out.println(bs[0] + " " + (int) cs[0] + " " + ds[1] + " " + ss[1]);
        System.out.println(new int[0].getClass().getName() + " " + new String[0][0].getClass().getName() + " " + new double[1][1][1].getClass().getName() + " " + int[].class.getSimpleName() + " " + new Object[0].getClass().getName());
        char[][] board = new char[3][3];
        for (char[] row : board) java.util.Arrays.fill(row, '.');
        board[1][1] = 'X';
        board[0][2] = 'O';
        for (char[] row : board) System.out.println(new String(row));
        int[][] id = new int[5][5];
        for (int i = 0; i < 5; i++) id[i][i] = 1;
        int[][] prod = new int[5][5];
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) for (int k = 0; k < 5; k++) prod[i][j] += id[i][k] * (k * 5 + j);
        int trace = 0;
        for (int i = 0; i < 5; i++) trace += prod[i][i];
        System.out.println("trace " + trace + " " + java.util.Arrays.toString(prod[4]));
        int[] a = {1, 2, 3};
        int[] b = a;
        b[0] = 10;
        System.out.println(a[0] + " " + (a == b) + " " + a.equals(a.clone()) + " " + java.util.Arrays.equals(a, a.clone()));
        Object arrObj = new int[][] {{1}};
        System.out.println((arrObj instanceof int[][]) + " " + (arrObj instanceof Object[]) + " " + (arrObj instanceof int[]));
        System.arraycopy(a, 0, a, 1, 2);
        System.out.println(java.util.Arrays.toString(a));
        String[][] names = {{"a", "b"}, {"c"}};
        Object[][] up = names;
        System.out.println(up[1][0] + " " + names.length + " " + names[0].length);
    }
}
